"""Encoding: baseline sRGB JPEG for posting (profile embedded) and optional PNG copies."""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image

from pipeline.brand import resource_dir

JPEG_QUALITY = 90
PNG_COMPRESSION = 3  # PNG copies are for looking at: fast over small


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """The sRGB ICC profile to embed: the committed templates/srgb.icc (made once with
    `ImageCms.createProfile("sRGB")`), so output is byte-stable and lcms is not loaded per run.
    """
    committed = resource_dir("templates") / "srgb.icc"
    if committed.is_file():
        return committed.read_bytes()
    from PIL import ImageCms

    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def encode_jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        quality=JPEG_QUALITY,
        progressive=False,
        optimize=False,
        subsampling="4:2:0",
        icc_profile=srgb_profile(),
    )
    return buffer.getvalue()


def png_name(jpeg_name: str) -> str:
    return jpeg_name.rsplit(".", 1)[0] + ".png"


def encode_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=PNG_COMPRESSION, icc_profile=srgb_profile())
    return buffer.getvalue()
