"""Main sandbox flows driven through boto3, so the sandbox is not tuned to one SDK.

Usage: python3 boto3_flow.py ENDPOINT_URL  -> prints one JSON object of observations.
Credentials are passed explicitly per client; the caller's environment points the shared
config files at nothing, so ~/.aws is never read.
"""
import json
import sys
import time

import boto3
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
ANALYTICS, MARKETING, PARTNER = "111111111111", "222222222222", "333333333333"
REGION = "us-east-1"


def client(service, account, secret="sandbox", token=None):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name=REGION, aws_access_key_id=account,
                        aws_secret_access_key=secret, aws_session_token=token)


def error_of(call):
    try:
        call()
    except ClientError as err:
        return {"code": err.response["Error"]["Code"], "status": err.response["ResponseMetadata"]["HTTPStatusCode"]}
    return None


out = {}
owner_sm = client("sagemaker", ANALYTICS)
owner_rt = client("sagemaker-featurestore-runtime", ANALYTICS)
owner_ram = client("ram", ANALYTICS)
partner_sm = client("sagemaker", PARTNER)
partner_rt = client("sagemaker-featurestore-runtime", PARTNER)
partner_ram = client("ram", PARTNER)

out["callerAccount"] = client("sts", ANALYTICS).get_caller_identity()["Account"]

arn = owner_sm.create_feature_group(
    FeatureGroupName="boto-scores", RecordIdentifierFeatureName="id", EventTimeFeatureName="ts",
    FeatureDefinitions=[{"FeatureName": "id", "FeatureType": "String"}, {"FeatureName": "ts", "FeatureType": "Fractional"},
                        {"FeatureName": "score", "FeatureType": "Fractional"}],
    OnlineStoreConfig={"EnableOnlineStore": True}, Description="created by boto3")["FeatureGroupArn"]
out["createdArn"] = arn
out["status"] = owner_sm.describe_feature_group(FeatureGroupName="boto-scores")["FeatureGroupStatus"]

now = str(time.time())
owner_rt.put_record(FeatureGroupName="boto-scores", Record=[
    {"FeatureName": "id", "ValueAsString": "r 1/a"}, {"FeatureName": "ts", "ValueAsString": now},
    {"FeatureName": "score", "ValueAsString": "0.75"}])
got = owner_rt.get_record(FeatureGroupName="boto-scores", RecordIdentifierValueAsString="r 1/a")
out["ownerScore"] = {f["FeatureName"]: f.get("ValueAsString") for f in got["Record"]}["score"]

permissions = owner_ram.list_permissions(resourceType="sagemaker:FeatureGroup")["permissions"]
read_write = next(p["arn"] for p in permissions if p["name"].lower().endswith("featuregroupreadwrite"))
catalog = next(c["ResourceCatalogArn"] for c in owner_sm.list_resource_catalogs()["ResourceCatalogs"]
               if c["ResourceCatalogName"] == "DefaultFeatureGroupCatalog")
share_arn = owner_ram.create_resource_share(name="boto-share", resourceArns=[arn], principals=[PARTNER],
                                            permissionArns=[read_write])["resourceShare"]["resourceShareArn"]
owner_ram.create_resource_share(name="boto-catalog", resourceArns=[catalog], principals=[PARTNER],
                                permissionArns=["arn:aws:ram::aws:permission/AWSRAMPermissionSageMakerCatalogResourceSearch"])

out["beforeAccept"] = error_of(lambda: partner_rt.get_record(FeatureGroupName=arn, RecordIdentifierValueAsString="r 1/a"))
invitations = partner_ram.get_resource_share_invitations()["resourceShareInvitations"]
accepted = []
for inv in invitations:
    if inv["status"] == "PENDING" and inv["senderAccountId"] == ANALYTICS and inv["resourceShareName"].startswith("boto"):
        accepted.append(partner_ram.accept_resource_share_invitation(
            resourceShareInvitationArn=inv["resourceShareInvitationArn"])["resourceShareInvitation"]["status"])
out["accepted"] = accepted
first = next(i for i in invitations if i["resourceShareName"] == "boto-share")
out["acceptAgain"] = error_of(lambda: partner_ram.accept_resource_share_invitation(
    resourceShareInvitationArn=first["resourceShareInvitationArn"]))

found = partner_sm.search(Resource="FeatureGroup", CrossAccountFilterOption="CrossAccount",
                          SearchExpression={"Filters": [{"Name": "FeatureGroupName", "Operator": "Contains", "Value": "boto"}]})
out["searchArns"] = [r["FeatureGroup"]["FeatureGroupArn"] for r in found["Results"]]
out["sharedResources"] = [r["arn"] for r in partner_ram.list_resources(resourceOwner="OTHER-ACCOUNTS")["resources"]]

out["describedByArn"] = partner_sm.describe_feature_group(FeatureGroupName=arn)["FeatureGroupName"]
cross = partner_rt.get_record(FeatureGroupName=arn, RecordIdentifierValueAsString="r 1/a", FeatureNames=["score"])
out["crossRecord"] = cross["Record"]
partner_rt.put_record(FeatureGroupName=arn, Record=[
    {"FeatureName": "id", "ValueAsString": "from-partner"}, {"FeatureName": "ts", "ValueAsString": now}])
batch = partner_rt.batch_get_record(Identifiers=[{"FeatureGroupName": arn, "RecordIdentifiersValueAsString": ["r 1/a", "from-partner"]}])
out["batchIds"] = sorted(r["RecordIdentifierValueAsString"] for r in batch["Records"])
partner_rt.delete_record(FeatureGroupName=arn, RecordIdentifierValueAsString="from-partner", EventTime=str(time.time() + 1),
                         DeletionMode="HardDelete")
out["afterDelete"] = "Record" in owner_rt.get_record(FeatureGroupName="boto-scores", RecordIdentifierValueAsString="from-partner")

out["updateDenied"] = error_of(lambda: partner_sm.update_feature_metadata(FeatureGroupName=arn, FeatureName="score", Description="x"))
out["unsharedDenied"] = error_of(lambda: partner_rt.get_record(
    FeatureGroupName=f"arn:aws:sagemaker:{REGION}:{ANALYTICS}:feature-group/churn-scores", RecordIdentifierValueAsString="x"))
out["missingGroup"] = error_of(lambda: owner_rt.get_record(FeatureGroupName="nope", RecordIdentifierValueAsString="x"))
out["badValue"] = error_of(lambda: owner_rt.put_record(FeatureGroupName="boto-scores", Record=[
    {"FeatureName": "id", "ValueAsString": "x"}, {"FeatureName": "ts", "ValueAsString": "yesterday"}]))
out["missingRecord"] = "Record" in owner_rt.get_record(FeatureGroupName="boto-scores", RecordIdentifierValueAsString="nobody")
out["badShareArn"] = error_of(lambda: owner_ram.delete_resource_share(resourceShareArn="nope"))

owner_ram.delete_resource_share(resourceShareArn=share_arn)
out["afterShareDeleted"] = error_of(lambda: partner_rt.get_record(FeatureGroupName=arn, RecordIdentifierValueAsString="r 1/a"))

creds = client("sts", ANALYTICS).assume_role(RoleArn=f"arn:aws:iam::{MARKETING}:role/Notebook", RoleSessionName="boto")["Credentials"]
as_role = client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
out["assumedAccount"] = as_role.get_caller_identity()["Account"]

owner_sm.delete_feature_group(FeatureGroupName="boto-scores")
out["listedAfterDelete"] = [g["FeatureGroupName"] for g in owner_sm.list_feature_groups(MaxResults=100)["FeatureGroupSummaries"]]

print(json.dumps(out))
