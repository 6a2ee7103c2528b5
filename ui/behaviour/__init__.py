"""The Behaviour page's tabs, one module each; ``pages/behaviour.py`` lays them out.

:mod:`ui.behaviour.context` holds what every tab reads (the opened log, its labels, the
reached touchpoints); :mod:`ui.behaviour.words` what the page says in words.
"""
