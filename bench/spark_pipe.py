"""Run classify through Spark's RDD.pipe, in local mode, as the README's scaling recipe does (issue 14).

Usage: spark_pipe.py LIST OUT_DIR CLASSIFY RULES PARTITIONS
Prints one JSON object: records in, lines out, wall seconds of the Spark job (the session's start excluded).
"""
import json
import sys
import time

from pyspark.sql import SparkSession

list_path, out_dir, classify, rules, partitions = sys.argv[1:6]
spark = (SparkSession.builder.master("local[*]").appName("classify-pipe")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.driver.memory", "2g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
lines = spark.sparkContext.textFile(list_path, minPartitions=int(partitions))
start = time.monotonic()
results = lines.pipe(f"{classify} --format jsonl --jobs 1 --no-summary --no-progress --rules {rules}")
results.saveAsTextFile(out_dir)
took = time.monotonic() - start
records = lines.count()
spark.stop()
print(json.dumps({"records": records, "seconds": round(took, 2), "partitions": int(partitions)}))
