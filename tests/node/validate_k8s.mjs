// Validates rendered Kubernetes manifests (a multi-document YAML file) against the Kubernetes
// OpenAPI schemas (kubernetes-models) and the CloudNativePG schema, offline.
// Usage: node validate_k8s.mjs rendered.yaml   → exit 0, or exit 1 listing every invalid object.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const coreModules = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1",
};

// No published schema package for the RabbitMQ Cluster Operator: check the fields we rely on.
function validateRabbitmqCluster(obj) {
  const spec = obj.spec ?? {};
  const problems = [];
  if (!Number.isInteger(spec.replicas) || spec.replicas < 3 || spec.replicas % 2 === 0) problems.push("spec.replicas must be an odd number >= 3 for quorum queues");
  if (!spec.persistence?.storage) problems.push("spec.persistence.storage is required");
  if (!/default_queue_type\s*=\s*quorum/.test(spec.rabbitmq?.additionalConfig ?? "")) problems.push("spec.rabbitmq.additionalConfig must set default_queue_type = quorum");
  if (problems.length) throw new Error(problems.join("; "));
}

const file = process.argv[2];
const docs = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
const failures = [];
let checked = 0;
for (const obj of docs) {
  const id = `${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}`;
  try {
    if (obj.apiVersion === "rabbitmq.com/v1beta1" && obj.kind === "RabbitmqCluster") {
      validateRabbitmqCluster(obj);
    } else {
      const modulePath = coreModules[obj.apiVersion];
      if (!modulePath) throw new Error(`no schema known for apiVersion ${obj.apiVersion}`);
      const mod = await import(modulePath);
      const Model = mod[obj.kind];
      if (!Model) throw new Error(`no schema for kind ${obj.kind} in ${obj.apiVersion}`);
      new Model(obj).validate();
    }
    checked++;
  } catch (err) {
    failures.push(`${id}: ${err.message}`);
  }
}
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log(`${checked} objects valid`);
