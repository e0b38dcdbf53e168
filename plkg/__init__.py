"""The application layer of powerlist-kg: the ``plkg`` command line, the demo, reports and the web app.

It sits on top of the library packages ``kg`` (domain model and stores), ``loaders`` (statutes, power
lists, NLP) and ``queries`` (findings); nothing below imports it.
"""
