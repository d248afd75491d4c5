// A small Python project that uses the demo feature groups: what a data scientist would have open.
import fs from 'node:fs';
import path from 'node:path';

const MODEL_PY = `"""Churn model features, read from the shared SageMaker Feature Store online store."""
import boto3

FEATURE_GROUP = "customer-profile"
TRANSACTIONS = "transactions"

runtime = boto3.client("sagemaker-featurestore-runtime", region_name="us-east-1")


def customer_features(customer_id: str) -> dict:
    record = runtime.get_record(
        FeatureGroupName=FEATURE_GROUP,
        RecordIdentifierValueAsString=customer_id,
    )
    return {f["FeatureName"]: f["ValueAsString"] for f in record.get("Record", [])}


def example_customer() -> dict:
    # Hover FEATURE_GROUP below: Feature Store Explorer shows this record's current values.
    return runtime.get_record(FeatureGroupName=FEATURE_GROUP, RecordIdentifierValueAsString="c-1001")


if __name__ == "__main__":
    print(customer_features("c-1001"))
`;

/** Creates `dir` with model.py unless it is already there (the user may have edited it). */
export function writeSampleWorkspace(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'model.py');
  if (!fs.existsSync(file)) fs.writeFileSync(file, MODEL_PY);
  return dir;
}
