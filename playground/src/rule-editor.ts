import { html, nothing, type PropertyValues } from 'lit';
import { LightElement } from './light-element.js';
import type { RuleProblem } from './rule-check.js';

type Monaco = (typeof import('./monaco.js'))['monaco'];
type Model = ReturnType<Monaco['editor']['createModel']>;

/** `pg-rules-input`: the rule files as edited, by name. */
export type RulesInputDetail = { readonly texts: Readonly<Record<string, string>> };

/**
 * The rule files in a JSON editor (Monaco) with the rule-file JSON Schema: completion, hover and
 * inline errors. Problems found by the policy itself (`problems`) are underlined at the path they
 * name. Files can be loaded from disk and downloaded.
 *
 * @event pg-rules-input - The text of any file changed (typing, loading, resetting).
 */
export class PgRuleEditor extends LightElement {
  static override properties = {
    texts: { attribute: false },
    problems: { attribute: false },
    current: { state: true },
    editorReady: { state: true },
    notice: { state: true },
  };

  /** The files' texts by name. Set once; edits are reported with `pg-rules-input`. */
  declare texts: Readonly<Record<string, string>>;
  /** Problems to underline (from `checkRuleTexts`). */
  declare problems: readonly RuleProblem[];
  declare private current: string;
  declare private editorReady: boolean;
  declare private notice: string;

  #monaco: Monaco | undefined;
  #editor: ReturnType<Monaco['editor']['create']> | undefined;
  #models = new Map<string, Model>();

  constructor() {
    super();
    this.texts = {};
    this.problems = [];
    this.current = '';
    this.editorReady = false;
    this.notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#startEditor();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#editor?.dispose();
    this.#editor = undefined;
    for (const model of this.#models.values()) model.dispose();
    this.#models.clear();
  }

  async #startEditor(): Promise<void> {
    const { monaco } = await import('./monaco.js');
    await this.updateComplete;
    this.#monaco = monaco;
    const host = this.querySelector<HTMLElement>('.pg-editor-surface');
    if (!host || this.#editor) return;
    this.#editor = monaco.editor.create(host, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs',
      ariaLabel: 'Rule file editor',
    });
    for (const [name, text] of Object.entries(this.texts)) this.#modelFor(name, text);
    this.current ||= Object.keys(this.texts)[0] ?? '';
    this.#show(this.current);
    this.editorReady = true;
  }

  #modelFor(name: string, text: string): Model {
    const monaco = this.#monaco!;
    let model = this.#models.get(name);
    if (!model) {
      model = monaco.editor.createModel(text, 'json', monaco.Uri.parse(`file:///rules/${encodeURIComponent(name)}`));
      model.onDidChangeContent(() => this.#report());
      this.#models.set(name, model);
    } else if (model.getValue() !== text) {
      model.setValue(text);
    }
    return model;
  }

  #show(name: string): void {
    const model = this.#models.get(name);
    if (model && this.#editor) this.#editor.setModel(model);
  }

  /** The current texts, from the editor's models (or `texts` before the editor has started). */
  get currentTexts(): Record<string, string> {
    if (this.#models.size === 0) return { ...this.texts };
    return Object.fromEntries([...this.#models].map(([name, model]) => [name, model.getValue()]));
  }

  #report(): void {
    this.dispatchEvent(
      new CustomEvent<RulesInputDetail>('pg-rules-input', { detail: { texts: this.currentTexts }, bubbles: true }),
    );
  }

  /** Replaces (or adds) one file's text, as loading it from disk does. */
  setText(name: string, text: string): void {
    if (this.#monaco) this.#modelFor(name, text);
    else this.texts = { ...this.texts, [name]: text };
    this.current = name;
    this.#show(name);
    this.#report();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('problems') && this.#monaco) {
      for (const [name, model] of this.#models) {
        this.#monaco.editor.setModelMarkers(
          model,
          'raincheck',
          this.problems
            .filter((p) => p.file === name)
            .map((p) => {
              const start = model.getPositionAt(p.offset);
              const end = model.getPositionAt(p.offset + p.length);
              return {
                severity: this.#monaco!.MarkerSeverity.Error,
                message: `${p.path}: ${p.message}`,
                startLineNumber: start.lineNumber,
                startColumn: start.column,
                endLineNumber: end.lineNumber,
                endColumn: end.column,
              };
            }),
        );
      }
    }
  }

  async #load(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const loaded: string[] = [];
    for (const file of input.files ?? []) {
      this.setText(file.name, await file.text());
      loaded.push(file.name);
    }
    this.notice = loaded.length ? `Loaded ${loaded.join(', ')}.` : '';
    input.value = '';
  }

  #download(): void {
    const name = this.current;
    const text = this.currentTexts[name];
    if (text === undefined) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    this.notice = `Downloaded ${name}.`;
  }

  #reveal(problem: RuleProblem): void {
    this.current = problem.file;
    this.#show(problem.file);
    const model = this.#models.get(problem.file);
    if (!model || !this.#editor) return;
    const at = model.getPositionAt(problem.offset);
    this.#editor.revealPositionInCenter(at);
    this.#editor.setPosition(at);
    this.#editor.focus();
  }

  protected override render() {
    const names = Object.keys(this.currentTexts);
    return html`
      <div class="pg-toolbar" role="toolbar" aria-label="Rule files">
        <div class="pg-file-tabs" role="tablist" aria-label="Rule file">
          ${names.map(
            (name) => html`<button
              role="tab"
              aria-selected=${name === this.current ? 'true' : 'false'}
              class=${this.problems.some((p) => p.file === name) ? 'has-problem' : ''}
              @click=${() => {
                this.current = name;
                this.#show(name);
              }}
            >
              ${name}
            </button>`,
          )}
        </div>
        <label class="pg-button">Load from disk…<input type="file" accept=".json,application/json" multiple class="pg-visually-hidden" @change=${(e: Event) => void this.#load(e)} /></label>
        <button class="pg-button" @click=${() => this.#download()}>Download ${this.current}</button>
      </div>
      ${this.editorReady ? nothing : html`<p role="status">Loading the editor…</p>`}
      <div class="pg-editor-surface"></div>
      <p class="pg-notice" role="status">${this.notice}</p>
      ${
        this.problems.length
          ? html`<div class="pg-problems" role="alert">
            <p><strong>${this.problems.length} problem${this.problems.length === 1 ? '' : 's'}</strong>: the widgets keep the last valid rules until they are fixed.</p>
            <ul>
              ${this.problems.map((p) => html`<li><button class="pg-link" @click=${() => this.#reveal(p)}>${p.file} ${p.path}</button>: ${p.message}</li>`)}
            </ul>
          </div>`
          : nothing
      }
    `;
  }
}

if (!customElements.get('pg-rule-editor')) customElements.define('pg-rule-editor', PgRuleEditor);

declare global {
  interface HTMLElementTagNameMap {
    'pg-rule-editor': PgRuleEditor;
  }
}
