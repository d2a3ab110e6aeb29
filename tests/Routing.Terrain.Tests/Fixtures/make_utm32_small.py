#!/usr/bin/python3
"""Writes utm32_small.tif and glo30_like.tif, the GDAL-made fixtures of ProjectedTerrainTests (run with Debian's
python3-gdal in this folder).

40 x 40 cells of 5 m in ETRS89 / UTM 32N (EPSG:25832) around Bismarckplatz, Heidelberg; float32, deflate, pixel is
area, no-data -9999 in cell (row 3, column 5). Each cell's value differs from its neighbours' in a pattern that does not
repeat, so a reader that is off by a cell, swaps the axes or mistakes the corner gives other numbers than GDAL.

glo30_like.tif is that grid warped to EPSG:4326 at 1 arc-second and encoded as Copernicus GLO-30 tiles are: float32,
tiled, deflate with the floating-point predictor, pixel is point. The same as
gdalwarp -t_srs EPSG:4326 -tr 0.000277777777778 0.000277777777778 -r bilinear -ot Float32 -co COMPRESS=DEFLATE \
  -co PREDICTOR=3 -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16 utm32_small.tif glo30_like.tif
gdal_edit.py -mo AREA_OR_POINT=Point glo30_like.tif
"""
import struct

from osgeo import gdal, osr

WEST_M, NORTH_M, CELL_M, SIDE = 477_700.0, 5_473_150.0, 5.0, 40

driver = gdal.GetDriverByName("GTiff")
dataset = driver.Create("utm32_small.tif", SIDE, SIDE, 1, gdal.GDT_Float32, ["COMPRESS=DEFLATE"])
dataset.SetGeoTransform((WEST_M, CELL_M, 0.0, NORTH_M, 0.0, -CELL_M))
system = osr.SpatialReference()
system.ImportFromEPSG(25832)
dataset.SetProjection(system.ExportToWkt())
band = dataset.GetRasterBand(1)
band.SetNoDataValue(-9999)
rows = []
for row in range(SIDE):
    rows.append([-9999.0 if (row, column) == (3, 5) else 100 + 0.7 * column + 1.3 * row + ((column * 7 + row * 3) % 11) * 0.25
                 for column in range(SIDE)])
band.WriteRaster(0, 0, SIDE, SIDE, b"".join(struct.pack(f"<{SIDE}f", *values) for values in rows), buf_type=gdal.GDT_Float32)
dataset = None

gdal.Warp("glo30_like.tif", "utm32_small.tif", dstSRS="EPSG:4326", xRes=1 / 3600, yRes=1 / 3600, resampleAlg="bilinear",
          outputType=gdal.GDT_Float32, creationOptions=["COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"])
dataset = gdal.Open("glo30_like.tif", gdal.GA_Update)
dataset.SetMetadataItem("AREA_OR_POINT", "Point")
dataset = None
