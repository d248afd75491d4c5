const page = { $metadata: { httpStatusCode: 200, requestId: 'x', attempts: 1, totalRetryDelay: 0 }, NextToken: 'abc', FeatureGroupSummaries: Array.from({ length: 100 }, (_, i) => ({ FeatureGroupName: `bench-a-features-${i}`, FeatureGroupArn: `arn:aws:sagemaker:us-east-1:100000000001:feature-group/bench-a-features-${i}`, CreationTime: new Date(), FeatureGroupStatus: 'Created', OfflineStoreStatus: { Status: 'Active' } })) };
function copy(v) {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(copy);
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return structuredClone(v);
  const out = {};
  for (const k of Object.keys(v)) out[k] = copy(v[k]);
  return out;
}
for (const [name, fn] of [['structuredClone', structuredClone], ['copy', copy]]) {
  for (let i = 0; i < 200; i++) fn(page);
  const t = performance.now();
  for (let i = 0; i < 1000; i++) fn(page);
  console.log(name, ((performance.now() - t) / 1000).toFixed(3), 'ms per page');
}
