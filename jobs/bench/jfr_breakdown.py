#!/usr/bin/env python3
"""Where a backtest's CPU samples go (docs/BENCHMARKS.md section 2, "Where the time goes").

    jfr print --json --stack-depth 200 --events jdk.ExecutionSample REC.jfr > samples.json
    jobs/bench/jfr_breakdown.py samples.json

Prints the share of execution samples per category (the first rule that matches a sample's stack
wins, in the order below) and the top dev.scalewise methods (the frame nearest the top of each
stack). JFR samples Java threads only: JIT and GC threads are not in these counts.
"""
import collections
import json
import sys


def frames(event):
    out = []
    for f in event['values']['stackTrace']['frames']:
        m = f['method']
        out.append(m['type']['name'].replace('/', '.') + '.' + m['name'])
    return out


def category(fr):
    s = ';'.join(fr)
    ours = [f for f in fr if f.startswith('dev.scalewise')]
    if 'sim.AsRun' in s:
        return 'f AsRun (observed baseline)'
    if 'dev.scalewise.sim.Replay' in s or 'sim.autoscaler.PolicyReplay' in s:
        return 'e replay kernel (Replay, sim.autoscaler, latency curve)'
    if any(x in s for x in ('ServiceModelFitter', 'CapacityFitter', 'Isotonic', 'dev.scalewise.model.')):
        return 'd model fitting'
    if 'DatasetReader' in s:
        return 'a Parquet schema checks (driver, one Spark job per file)'
    if 'BacktestJob.rows' in s:
        return 'g result rows / collecting'
    if ours:
        first = ours[0]
        if any(x in first for x in ('HistoryAligner', 'CanonicalRows', 'InputRow', 'InputBlock', 'ReadOrder',
                                    'SeenStarts', 'InputChunk.toBlock', 'PackedRows$Reader', 'DatasetKind',
                                    'DataQualityReport')):
            return 'c HistoryAligner / CanonicalRows / InputRow'
        if 'ServicePipeline.perService' in first or 'ServicePipeline.lambda$run' in first:
            above = fr[:fr.index(first)]
            if any(t.startswith(('org.apache.spark', 'scala.')) for t in above):
                return 'b shuffle / groupByKey / row encoding'
            return 'c HistoryAligner / CanonicalRows / InputRow'
        if any(x in first for x in ('cli.', 'policy.', 'yaml.', 'PolicyBundle', 'SparkSessions')):
            return 'i CLI, policy loading, Spark session'
    if any(x in s for x in ('org.apache.parquet', 'datasources.parquet', 'FileScanRDD', 'VectorizedParquet')):
        return 'a Parquet read/decode'
    if any(x in s for x in ('shuffle', 'Shuffle', 'ExternalSorter', 'serializer', 'UnsafeRow', 'codegen',
                            'GeneratedClass', 'LZ4', 'BlockManager', 'MemoryStore')):
        return 'b shuffle / groupByKey / row encoding'
    return 'h other (Spark driver, planning, scheduler, class loading)'


def main(path):
    events = json.load(open(path))['recording']['events']
    cats, methods = collections.Counter(), collections.Counter()
    for e in events:
        fr = frames(e)
        cats[category(fr)] += 1
        ours = [f for f in fr if f.startswith('dev.scalewise')]
        if ours:
            methods[ours[0]] += 1
    n = len(events)
    print(f'{n} execution samples')
    for k, v in sorted(cats.items()):
        print(f'{v:6d} {100.0 * v / n:5.1f}%  {k}')
    print('top dev.scalewise methods (frame nearest the top of the stack):')
    for k, v in methods.most_common(10):
        print(f'{v:6d} {100.0 * v / n:5.1f}%  {k}')


if __name__ == '__main__':
    main(sys.argv[1])
