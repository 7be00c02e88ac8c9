#!/usr/bin/env python3
"""Writes the 5 benchmark policies per service of a sample-data fleet (docs/BENCHMARKS.md).

Reads FLEET/policies/observed-hpa.yaml (written by `scalewise sample-data`) and writes OUT/bench-policies.yaml
with, for each HPA found there:
  1. <svc>            the observed HPA as is (legacy path, no behavior)
  2. <svc>-behavior   the same HPA with a behavior block (fast up, slow down)
  3. <svc>-keda       a KEDA ScaledObject on the request rate with the same per-replica threshold
  4. <svc>-scheduled  a ScheduledScaling raising the floor of <svc> on weekday business hours
  5. <svc>-predictive a PredictiveScaling with <svc> as its reactive floor
Usage: policies.py FLEET_DIR OUT_DIR
"""
import copy
import os
import sys

import yaml


def rps_target(hpa):
    """The HPA's per-replica request-rate target, as written (e.g. '1680m' or 84)."""
    metrics = hpa["spec"]["metrics"]
    if len(metrics) != 1 or metrics[0]["type"] != "Pods":
        raise SystemExit(f"{hpa['metadata']['name']}: expected one Pods metric, found {metrics}")
    return metrics[0]["pods"]["target"]["averageValue"]


def as_number(quantity):
    """Kubernetes quantity '1680m' -> 1.68; plain numbers unchanged."""
    s = str(quantity)
    return float(s[:-1]) / 1000 if s.endswith("m") else float(s)


def with_behavior(hpa):
    h = copy.deepcopy(hpa)
    h["metadata"]["name"] += "-behavior"
    h["spec"]["behavior"] = {
        "scaleUp": {"stabilizationWindowSeconds": 0, "policies": [
            {"type": "Pods", "value": 4, "periodSeconds": 60},
            {"type": "Percent", "value": 100, "periodSeconds": 60}]},
        "scaleDown": {"stabilizationWindowSeconds": 600, "policies": [
            {"type": "Percent", "value": 10, "periodSeconds": 60}]},
    }
    return h


def keda(hpa):
    svc = hpa["spec"]["scaleTargetRef"]["name"]
    return {
        "apiVersion": "keda.sh/v1alpha1", "kind": "ScaledObject",
        "metadata": {"name": svc + "-keda", "namespace": hpa["metadata"].get("namespace", "default")},
        "spec": {
            "scaleTargetRef": {"name": svc},
            "minReplicaCount": hpa["spec"]["minReplicas"],
            "maxReplicaCount": hpa["spec"]["maxReplicas"],
            "triggers": [{"type": "prometheus", "metadata": {
                "serverAddress": "http://prometheus.monitoring:9090",
                "query": f'sum(rate(http_requests_total{{service="{svc}"}}[1m]))',
                # KEDA's prometheus threshold is per replica (AverageValue), like the HPA's Pods target
                "threshold": str(as_number(rps_target(hpa)))}}],
        },
    }


def scheduled(hpa):
    svc = hpa["spec"]["scaleTargetRef"]["name"]
    lo, hi = hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"]
    return {
        "apiVersion": "scalewise.dev/v1alpha1", "kind": "ScheduledScaling",
        "metadata": {"name": svc + "-scheduled"},
        "spec": {"timeZone": "UTC", "basePolicy": {"name": hpa["metadata"]["name"]},
                 "windows": [{"name": "business-hours", "cron": "0 8 * * 1-5", "duration": "10h",
                              "replicas": min(hi, 2 * lo)}]},
    }


def predictive(hpa):
    svc = hpa["spec"]["scaleTargetRef"]["name"]
    return {
        "apiVersion": "scalewise.dev/v1alpha1", "kind": "PredictiveScaling",
        "metadata": {"name": svc + "-predictive"},
        "spec": {"scaleTargetRef": {"name": svc},
                 "targetRpsPerReplica": as_number(rps_target(hpa)), "headroom": 0.15,
                 "basePolicy": {"name": hpa["metadata"]["name"]}},
    }


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    fleet, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(fleet, "policies", "observed-hpa.yaml")) as f:
        hpas = [d for d in yaml.safe_load_all(f) if d and d.get("kind") == "HorizontalPodAutoscaler"]
    docs = []
    for hpa in hpas:
        docs += [hpa, with_behavior(hpa), keda(hpa), scheduled(hpa), predictive(hpa)]
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "bench-policies.yaml")
    with open(path + ".tmp", "w") as f:
        yaml.safe_dump_all(docs, f, sort_keys=False)
    os.replace(path + ".tmp", path)
    print(f"{path}: {len(docs)} policies for {len(hpas)} services")


if __name__ == "__main__":
    main()
