"""Route modules: the self-check pages, the articles, the start pages and the JSON API."""
