"""The production WSGI application with media files served beside it, as the reverse proxy or
object storage does in production. For the Lighthouse measurement only (bench/lighthouse.sh)."""

from django.conf import settings
from whitenoise import WhiteNoise

from config.wsgi import application as django_application

application = WhiteNoise(django_application)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
