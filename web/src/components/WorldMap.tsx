// Distribution map: world-atlas 110m countries (loaded lazily, only when a map
// is shown) drawn with d3-geo; range States coloured by distribution tag.
// world-atlas ids are ISO 3166 numeric codes: joined to the API's m49 codes.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { TAG_COLORS } from './mapTags';
import { ISO3_TO_NUMERIC } from './isoNumeric';

export interface MapRegion { iso3?: string | null; m49?: string | null; name: string; tag: string }

let atlas: Promise<FeatureCollection<Geometry, { name: string }>> | null = null;
function loadAtlas() {
  atlas ??= import('world-atlas/countries-110m.json').then((m) => {
    const topo = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return feature(topo, topo.objects.countries) as unknown as FeatureCollection<Geometry, { name: string }>;
  });
  return atlas;
}

export default function WorldMap({ regions }: { regions: MapRegion[] }) {
  const { t } = useTranslation();
  const [world, setWorld] = useState<FeatureCollection<Geometry, { name: string }> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => { loadAtlas().then(setWorld, () => setFailed(true)); }, []);
  const byCode = useMemo(() => new Map(regions.map((r) => [r.m49 ? r.m49.padStart(3, '0') : ISO3_TO_NUMERIC.get(r.iso3 ?? '') ?? '', r])), [regions]);
  const W = 800, H = 420;
  const path = useMemo(() => geoPath(geoEqualEarth().fitSize([W, H], { type: 'Sphere' } as never)), []);
  const usedTags = [...new Set(regions.map((r) => r.tag))];
  if (failed) return <p>{t('map.failed')}</p>;
  if (!world) return <p role="status">{t('map.loading')}</p>;
  return (
    <figure className="map">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="map-title">
        <title id="map-title">{t('map.title', { count: regions.length })}</title>
        <path d={path({ type: 'Sphere' } as never) ?? ''} fill="#eef4f8" stroke="#9ab" />
        {world.features.map((f: Feature<Geometry, { name: string }>, i) => {
          const r = f.id !== undefined ? byCode.get(String(f.id)) : undefined;
          return (
            <path key={i} d={path(f) ?? ''} fill={r ? TAG_COLORS[r.tag] ?? '#2e7d32' : '#d9d9d9'} stroke="#fff" strokeWidth={0.5}>
              <title>{r ? `${r.name}: ${t(`tag.${r.tag}`)}` : f.properties.name}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend" aria-label={t('map.legend')}>
          {usedTags.map((tag) => (
            <li key={tag}><span className="swatch" style={{ background: TAG_COLORS[tag] ?? '#2e7d32' }} aria-hidden="true" /> {t(`tag.${tag}`)}</li>
          ))}
          <li><span className="swatch" style={{ background: '#d9d9d9' }} aria-hidden="true" /> {t('map.absent')}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
