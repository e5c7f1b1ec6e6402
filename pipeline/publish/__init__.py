"""Clients for the platforms `repurpose publish` sends to: the Instagram Graph API's content
publishing flow and Postiz's public API. They take plain data (image URLs, captions, alt texts);
which pieces are due, and what was published, is `commands/publish.py`'s business."""
