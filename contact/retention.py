"""Deleting contact form submissions once their page's retention period has passed."""

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from .models import ContactPage


def expired_submissions(now=None):
    """Submissions older than the retention period of their page, one query per distinct
    retention period."""
    now = now or timezone.now()
    periods = ContactPage.objects.order_by().values_list("retention_days", flat=True).distinct()
    querysets = []
    for days in periods:
        pages = ContactPage.objects.filter(retention_days=days).values("pk")
        querysets.append(
            FormSubmission.objects.filter(
                page__in=pages, submit_time__lt=now - timedelta(days=days)
            )
        )
    return querysets


def purge_expired_submissions(now=None, dry_run=False):
    """Delete (or with ``dry_run`` only count) expired submissions; returns
    {page id: number deleted}."""
    counts = {}
    for queryset in expired_submissions(now):
        for row in queryset.values("page_id").annotate(number=Count("pk")):
            counts[row["page_id"]] = counts.get(row["page_id"], 0) + row["number"]
        if not dry_run:
            queryset.delete()
    return counts
