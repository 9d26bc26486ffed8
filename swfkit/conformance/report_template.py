"""The Jinja2 template of ``report.html``: one self-contained page, in Dutch.

No scripts and no external files: the page opens from a folder or an e-mail
attachment, prints well, and the evidence folds open with plain
``<details>`` elements. Every value is HTML-escaped (autoescape).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import jinja2

TEMPLATE = r"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SWF-certificeringsrapport {{ run.run_id }}</title>
<style>
  :root { --ok:#1e7b34; --ok-bg:#e6f4ea; --fout:#b3261e; --fout-bg:#fce8e6;
          --over:#5f6368; --over-bg:#f1f3f4; --rand:#dadce0; --accent:#154273; }
  * { box-sizing: border-box; }
  body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
         margin: 0; color: #202124; background: #fafafa; line-height: 1.45; }
  header { background: var(--accent); color: #fff; padding: 1.5rem 2rem; }
  header h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
  header p { margin: 0; opacity: .9; }
  main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
  h2 { color: var(--accent); border-bottom: 2px solid var(--accent);
       padding-bottom: .2rem; margin-top: 2.2rem; font-size: 1.25rem; }
  h2 small { color: var(--over); font-weight: normal; font-size: .8rem; }
  table.meta { border-collapse: collapse; margin: 1rem 0; font-size: .92rem; }
  table.meta th { text-align: left; padding: .15rem 1rem .15rem 0; color: var(--over);
                  font-weight: 600; }
  table.meta td { padding: .15rem 0; word-break: break-all; }
  .samenvatting { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
  .tegel { flex: 1 1 150px; border-radius: 8px; padding: .9rem 1.1rem;
           border: 1px solid var(--rand); background: #fff; }
  .tegel .getal { font-size: 2rem; font-weight: 700; display: block; }
  .tegel.passed { border-left: 6px solid var(--ok); }
  .tegel.failed { border-left: 6px solid var(--fout); }
  .tegel.skipped { border-left: 6px solid var(--over); }
  .oordeel { font-size: 1.1rem; font-weight: 600; padding: .8rem 1rem;
             border-radius: 8px; }
  .oordeel.passed { background: var(--ok-bg); color: var(--ok); }
  .oordeel.failed { background: var(--fout-bg); color: var(--fout); }
  .let-op { background: #fff8e1; border: 1px solid #f2c94c; border-radius: 8px;
            padding: .8rem 1rem; margin: 1rem 0; font-size: .92rem; }
  table.functies { width: 100%; border-collapse: collapse; background: #fff;
                   font-size: .92rem; }
  table.functies th, table.functies td { border-bottom: 1px solid var(--rand);
                   padding: .45rem .6rem; text-align: left; vertical-align: top; }
  table.functies th { background: var(--over-bg); }
  .badge { display: inline-block; border-radius: 999px; padding: .05rem .6rem;
           font-size: .8rem; font-weight: 600; white-space: nowrap; }
  .badge.passed { background: var(--ok-bg); color: var(--ok); }
  .badge.failed { background: var(--fout-bg); color: var(--fout); }
  .badge.skipped, .badge.missing { background: var(--over-bg); color: var(--over); }
  .badge.missing { color: var(--fout); }
  .scenario { background: #fff; border: 1px solid var(--rand); border-radius: 8px;
              padding: .8rem 1rem; margin: .8rem 0; }
  .scenario.failed { border-left: 6px solid var(--fout); }
  .scenario.passed { border-left: 6px solid var(--ok); }
  .scenario.skipped { border-left: 6px solid var(--over); }
  .scenario h3 { margin: 0 0 .3rem; font-size: 1.02rem; }
  .bron { color: var(--over); font-size: .82rem; }
  ol.stappen { margin: .4rem 0; padding-left: 1.4rem; font-size: .92rem; }
  ol.stappen li.failed { color: var(--fout); font-weight: 600; }
  ol.stappen li.notrun { color: var(--over); }
  .kw { font-weight: 700; }
  .melding { background: var(--fout-bg); border-radius: 6px; padding: .6rem .8rem;
             margin: .5rem 0; white-space: pre-wrap; font-family: ui-monospace,
             Consolas, monospace; font-size: .84rem; }
  .oplossing { background: #e8f0fe; border-radius: 6px; padding: .6rem .8rem;
               margin: .5rem 0; font-size: .92rem; }
  .reden { background: var(--over-bg); border-radius: 6px; padding: .5rem .8rem;
           font-size: .9rem; }
  details { margin: .4rem 0; }
  summary { cursor: pointer; color: var(--accent); font-weight: 600; font-size: .9rem; }
  details details { margin-left: 1rem; }
  details details summary { font-weight: normal; font-family: ui-monospace, Consolas,
                            monospace; font-size: .84rem; }
  pre { background: #f6f8fa; border: 1px solid var(--rand); border-radius: 6px;
        padding: .5rem .7rem; overflow-x: auto; font-size: .78rem;
        white-space: pre-wrap;
        word-break: break-all; }
  .ook { font-size: .85rem; color: var(--over); }
  footer { color: var(--over); font-size: .82rem; margin-top: 3rem; }
  a { color: var(--accent); }
  @media print { details { display: block; } header { background: none; color: #000; } }
</style>
</head>
<body>
<header>
  <h1>Certificeringsrapport SWF-koppeling</h1>
  <p>Controle van de Samenwerkfunctionaliteit (SWF) van het DSO met swfkit,
     tegen {{ target_nl }}.</p>
</header>
<main>
<table class="meta">
  <tr><th>Run</th><td>{{ run.run_id }}</td></tr>
  <tr><th>Omgeving</th><td>{{ target_nl }}</td></tr>
  {% if run.base_url %}<tr><th>Base URL</th><td>{{ run.base_url }}</td></tr>{% endif %}
  <tr><th>Gestart</th><td>{{ run.started }}</td></tr>
  <tr><th>Klaar</th><td>{{ run.finished }}</td></tr>
  <tr><th>swfkit</th><td>versie {{ run.swfkit_version }}</td></tr>
  <tr><th>Contract</th><td>versie {{ run.contract_version or "onbekend" }}
      (SHA-256 {{ run.contract_sha256 or "onbekend" }})</td></tr>
</table>

{% if counts.failed %}
<p class="oordeel failed">{{ counts.failed }} van de {{ counts.total }} scenario's
  gefaald. Zie hieronder per functie wat er misging en hoe het op te lossen is.</p>
{% elif counts.passed %}
<p class="oordeel passed">Alle {{ counts.passed }} uitgevoerde scenario's zijn
  geslaagd{% if counts.skipped %} ({{ counts.skipped }} overgeslagen, met
  reden){% endif %}.</p>
{% endif %}

<div class="samenvatting">
  <div class="tegel passed"><span class="getal">{{ counts.passed }}</span>geslaagd</div>
  <div class="tegel failed"><span class="getal">{{ counts.failed }}</span>gefaald</div>
  <div class="tegel skipped"><span class="getal">{{ counts.skipped }}</span>
    overgeslagen</div>
</div>

<div class="let-op">
  <strong>Let op.</strong> Dit rapport is een hulpmiddel. Normatief is de officiële
  documentatie van de SWF-API op het Ontwikkelaarsportaal van het DSO; waar dit
  rapport daarvan afwijkt, geldt de officiële documentatie. De officiële
  OpenAPI-specificatie is niet openbaar: swfkit werkt met een eigen contract,
  waarvan {{ run.assumed|length }} onderdelen aannames zijn (lijst onderaan). Een
  geslaagd scenario bewijst gedrag volgens dat contract, niet volgens DSO.
</div>

<h2>Overzicht per functie</h2>
<table class="functies">
  <tr><th>Functie</th><th>Resultaat</th><th>Scenario's</th></tr>
  {% for group in groups %}
  <tr>
    <td><a href="#functie-{{ group.id }}">{{ group.titel }}</a></td>
    <td><span class="badge {{ group.outcome }}">{{ outcome_nl.get(group.outcome,
        "niet gecontroleerd") }}</span></td>
    <td>{{ group.all|length }}</td>
  </tr>
  {% endfor %}
</table>

{% for group in groups %}
<h2 id="functie-{{ group.id }}">{{ group.titel }} <small>{{ group.id }}</small></h2>
{% if not group.all %}
<p class="badge missing">Niet gecontroleerd in deze run.</p>
{% endif %}
{% for s in group.scenarios %}
<section class="scenario {{ s.outcome }}" id="{{ anchor(s) }}">
  <h3><span class="badge {{ s.outcome }}">{{ outcome_nl[s.outcome] }}</span>
      {{ s.scenario }}</h3>
  <div class="bron">{{ s.feature }} · {{ s.feature_file }}, regel {{ s.line }}
    {% if s.duration %} · {{ "%.1f"|format(s.duration) }} s{% endif %}</div>
  {% if s.outcome == "skipped" %}<p class="reden">{{ s.reason }}</p>{% endif %}
  {% if s.outcome == "failed" %}
  <div class="melding">{{ s.message }}</div>
  {% if s.fix %}
  <div class="oplossing"><strong>Hoe op te lossen:</strong> {{ s.fix }}</div>
  {% endif %}
  {% endif %}
  <details {% if s.outcome == "failed" %}open{% endif %}>
    <summary>Wat is gecontroleerd ({{ s.steps|length }} stappen)</summary>
    <ol class="stappen">
    {% for step in s.steps %}
      <li class="{{ step.status|replace(' ', '') }}">
        <span class="kw">{{ step.keyword }}</span> {{ step.text }}
        {{ {"failed": "✗", "passed": "✓"}.get(step.status, "") }}
      </li>
    {% endfor %}
    </ol>
  </details>
  {% if s.evidence %}
  <details>
    <summary>Bewijs: {{ s.evidence|length }} verzoek(en) en antwoord(en)</summary>
    {% for e in s.evidence %}
    <details>
      <summary>{{ e.method }} {{ path_of(e.url) }} → {{ e.status }}</summary>
      <pre>{{ e.method }} {{ e.url }}
{% for k, v in e.request_headers.items() %}{{ k }}: {{ v }}
{% endfor %}{% if e.request_body %}
{{ e.request_body }}{% endif %}</pre>
      <pre>HTTP {{ e.status }}
{% for k, v in e.response_headers.items() %}{{ k }}: {{ v }}
{% endfor %}{% if e.response_body %}
{{ e.response_body }}{% endif %}</pre>
    </details>
    {% endfor %}
  </details>
  {% endif %}
  {% set others = s.functies|reject("equalto", group.id)|list %}
  {% if others %}
  <p class="ook">Ook bewijs voor:
    {% for f in others %}
    <a href="#functie-{{ f }}">{{ titles.get(f, f) }}</a>{{ ", " if not loop.last }}
    {% endfor %}</p>
  {% endif %}
</section>
{% endfor %}
{% if group.also %}
<p class="ook">Ook gecontroleerd in:
{% for s in group.also %}<a href="#{{ anchor(s) }}">{{ s.scenario }}</a>
  (<span class="badge {{ s.outcome }}">{{ outcome_nl[s.outcome] }}</span>)
  {{- ", " if not loop.last }}
{% endfor %}</p>
{% endif %}
{% endfor %}

<h2 id="aannames">Aannames in het swfkit-contract</h2>
<p>Deze onderdelen van het contract zijn door swfkit aangenomen, omdat de officiële
  specificatie niet openbaar is. Controleer ze tegen de officiële specificatie
  (<code>swfkit contract assumed</code> toont dezelfde lijst).</p>
<details>
  <summary>{{ run.assumed|length }} aangenomen onderdelen</summary>
  <ul>{% for item in run.assumed %}<li><code>{{ item }}</code></li>{% endfor %}</ul>
</details>

<footer>
  <p>Bestanden in deze map: {{ files|join(", ") }}. Het manifest
  (manifest.json) bevat de SHA-256 van elk bestand, zodat u kunt nagaan dat niets is
  gewijzigd. Verzoeken en antwoorden zijn vóór opslag ontdaan van sleutels,
  certificaten en wachtwoorden; de hostnaam van de server is in het bewijs
  vervangen door swf.cassette.invalid.</p>
</footer>
</main>
</body>
</html>
"""

_ENVIRONMENT = jinja2.Environment(
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(**context: Any) -> str:
    """The report page for the given context (see :func:`report.write_html`)."""
    return _ENVIRONMENT.from_string(TEMPLATE).render(path_of=_path_of, **context)


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
