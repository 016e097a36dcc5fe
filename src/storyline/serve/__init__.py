"""Serve: the REST API and the web page over a store (`api.create_app`)."""
