"""The Data page's tabs: the survey (its file, mapping, journey and validation report) and the
event log (its file, columns and bad rows); ``pages/data.py`` lays them out."""
