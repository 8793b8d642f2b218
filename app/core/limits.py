"""The printed size a code may have, in millimetres.

Apart from :mod:`app.core.layout` so a form can set its ranges without loading the geometry.
"""

MIN_CODE_MM = 20.0
MAX_CODE_MM = 180.0
