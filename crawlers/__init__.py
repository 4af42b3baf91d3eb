"""Scrapy project: discovery spider, article pipeline, crawl settings."""
