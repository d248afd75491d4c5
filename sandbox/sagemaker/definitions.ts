// Validation of feature definitions and TTL settings shared by Create and UpdateFeatureGroup.
import type { Check, Json } from '../check';
import { FEATURE_NAME_RE, RESERVED_FEATURE_NAMES } from '../constants';
import type { FeatureDefinition, TtlDuration } from '../state';

const FEATURE_TYPES = ['Integral', 'Fractional', 'String'] as const;
const COLLECTION_TYPES = ['List', 'Set', 'Vector'] as const;
const TTL_UNITS = ['Seconds', 'Minutes', 'Hours', 'Days', 'Weeks'] as const;
export const MAX_TTL_VALUE = 2_147_483_647;

export function checkDefinitions(check: Check, raw: Json[], inMemory: boolean, existing: readonly FeatureDefinition[] = []): FeatureDefinition[] {
  const names = new Set(existing.map((d) => d.FeatureName));
  let vectors = existing.filter((d) => d.CollectionType === 'Vector').length;
  return raw.map((item) => {
    const FeatureName = check.str(item, 'FeatureName', { required: true, min: 1, max: 64, pattern: FEATURE_NAME_RE });
    if (RESERVED_FEATURE_NAMES.has(FeatureName.toLowerCase())) {
      throw check.fail(`The feature name ${FeatureName} is reserved. Reserved feature names: ${[...RESERVED_FEATURE_NAMES].join(', ')}`);
    }
    if (names.has(FeatureName)) throw check.fail(`Feature definitions must be unique: ${FeatureName} is defined more than once`);
    names.add(FeatureName);
    const FeatureType = check.oneOf(item, 'FeatureType', FEATURE_TYPES, true)!;
    const CollectionType = check.oneOf(item, 'CollectionType', COLLECTION_TYPES);
    const def: FeatureDefinition = { FeatureName, FeatureType };
    if (!CollectionType) return def;
    if (!inMemory) throw check.fail(`Collection type ${CollectionType} of feature ${FeatureName} is only supported for feature groups with an InMemory online store`);
    def.CollectionType = CollectionType;
    if (CollectionType === 'Vector') {
      if (FeatureType !== 'Fractional') throw check.fail(`Vector feature ${FeatureName} must have FeatureType Fractional`);
      vectors += 1;
      if (vectors > 1) throw check.fail('A feature group can have only one Vector feature');
      const config = check.obj(item, 'CollectionConfig', true)!;
      const vector = check.obj(config, 'VectorConfig', true)!;
      const Dimension = check.num(vector, 'Dimension', { required: true, integer: true, min: 1, max: 8192 })!;
      def.CollectionConfig = { VectorConfig: { Dimension } };
    } else if (item.CollectionConfig !== undefined) {
      throw check.fail(`CollectionConfig is only valid for Vector features (${FeatureName})`);
    }
    return def;
  });
}

export function checkTtl(check: Check, obj: Json | undefined): TtlDuration | undefined {
  if (!obj) return undefined;
  const Unit = check.oneOf(obj, 'Unit', TTL_UNITS, true)!;
  // A 32-bit integer in the service model.
  const Value = check.num(obj, 'Value', { required: true, integer: true, min: 1, max: MAX_TTL_VALUE })!;
  return { Unit, Value };
}

const UNIT_MS: Record<TtlDuration['Unit'], number> = { Seconds: 1e3, Minutes: 6e4, Hours: 36e5, Days: 864e5, Weeks: 6048e5 };

export function ttlMs(ttl: TtlDuration): number {
  return ttl.Value * UNIT_MS[ttl.Unit];
}
