/**
 * Routes drawn from coordinates with Leaflet. No tile server is needed: without tiles the map
 * shows the routes and clients on a plain background with a scale bar. Set VITE_TILE_URL (and
 * optionally VITE_TILE_ATTRIBUTION) at build time to show a base map.
 */
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import type { LatLon } from './day-plan.ts';

export interface MapRoute {
  id: string;
  label: string;
  color: string;
  path: LatLon[];
  dimmed?: boolean;
}

export interface MapPoint {
  id: string;
  label: string;
  point: LatLon;
  color?: string;
}

const tileUrl = import.meta.env.VITE_TILE_URL as string | undefined;
const tileAttribution = (import.meta.env.VITE_TILE_ATTRIBUTION as string | undefined) ?? '';

interface CanvasInternals {
  _ctx?: CanvasRenderingContext2D;
  _redrawRequest: number | null;
}
const canvasRedraw = (L.Canvas.prototype as unknown as { _redraw(this: CanvasInternals): void })._redraw;

/**
 * Leaflet's canvas renderer, safe against a redraw that runs after its map is gone: the browser
 * tests once caught its `_clear` reading the context of a removed renderer while leaving the
 * home-care page. Without a context there is nothing to draw.
 */
const SafeCanvas = L.Canvas.extend({
  _redraw(this: CanvasInternals) {
    if (!this._ctx) {
      this._redrawRequest = null;
      return;
    }
    canvasRedraw.call(this);
  },
}) as unknown as new (options?: L.RendererOptions) => L.Canvas;

export function RouteMap({
  routes,
  points,
  label,
}: {
  routes: MapRoute[];
  points: MapPoint[];
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, {
      zoomControl: true,
      attributionControl: !!tileUrl,
      preferCanvas: true,
      renderer: new SafeCanvas(),
    });
    if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 19 }).addTo(m);
    L.control.scale({ imperial: false }).addTo(m);
    m.setView([52.06, 4.49], 13);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.stop();
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    const bounds = L.latLngBounds([]);
    for (const p of points) {
      const ll = L.latLng(p.point.lat, p.point.lon);
      bounds.extend(ll);
      L.circleMarker(ll, {
        radius: 4,
        color: '#3a4653',
        weight: 1,
        fillColor: p.color ?? '#ffffff',
        fillOpacity: 1,
      })
        .bindTooltip(p.label)
        .addTo(group);
    }
    for (const r of routes) {
      if (r.path.length < 2) continue;
      const lls = r.path.map((p) => L.latLng(p.lat, p.lon));
      lls.forEach((ll) => bounds.extend(ll));
      L.polyline(lls, { color: r.color, weight: r.dimmed ? 2 : 3.5, opacity: r.dimmed ? 0.35 : 0.9 })
        .bindTooltip(r.label, { sticky: true })
        .addTo(group);
      // Start of the route: a filled square-ish marker in the route colour.
      L.circleMarker(lls[0]!, { radius: 6, color: '#fff', weight: 2, fillColor: r.color, fillOpacity: 1 })
        .bindTooltip(r.label)
        .addTo(group);
    }
    // No zoom animation: Leaflet's canvas renderer redraws when a running animation ends, and
    // throws if the page (and the map) went away meanwhile.
    if (bounds.isValid()) m.fitBounds(bounds.pad(0.05), { animate: false });
  }, [routes, points]);

  return <div ref={box} className="route-map" role="img" aria-label={label} data-testid="route-map" />;
}
