// The inline lookup as a data scientist meets it: open the demo workspace's model.py, see the
// CodeLens over the feature group reference, hover it and read the record's current values.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { e2eTest } from '../../scripts/lib/e2e';
import { inspectorFrame, pickQuickItem, runCommand } from '../../scripts/lib/workbench';

/**
 * Screen coordinates of `word` on the first editor line containing `lineText` (Monaco renders
 * spaces as no-break spaces and splits lines into token spans, so this measures a DOM Range).
 */
async function wordPoint(page: Page, lineText: string, word: string): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(
    ({ lineText, word }) => {
      const normal = (t: string) => t.replace(/\u00a0/g, ' ');
      for (const line of Array.from(document.querySelectorAll<HTMLElement>('.editor-instance .monaco-editor .view-line'))) {
        const text = normal(line.textContent ?? '');
        if (!text.includes(lineText)) continue;
        let offset = text.indexOf(word);
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (offset < length) {
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, Math.min(length, offset + word.length));
            const r = range.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }
          offset -= length;
        }
      }
      return undefined;
    },
    { lineText, word },
  );
}

/** Opens a workspace file through Quick Open, as a user would. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(name);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: name }).first().waitFor({ timeout: 15_000 });
  await input.press('Enter');
  await page.locator('.tabs-container .tab.active').filter({ hasText: name }).waitFor({ timeout: 15_000 });
}

e2eTest('hovering a feature group reference in model.py shows the record values', async ({ page, screenshot }) => {
  await openFile(page, 'model.py');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ timeout: 15_000 });

  // The CodeLens is resolved from the sandbox: who reaches the group, its record id and features.
  const lens = editor.locator('.codelens-decoration').filter({ hasText: 'analytics (owner)' }).first();
  await lens.waitFor({ timeout: 60_000 });
  assert.match(await lens.innerText(), /record id customer_id/);

  // Hover the constant where get_record uses it next to the literal record id "c-1001".
  const point = await wordPoint(page, 'FeatureGroupName=FEATURE_GROUP, RecordIdentifierValueAsString="c-1001"', 'FEATURE_GROUP');
  assert.ok(point, 'the get_record line with the literal record id is on screen');
  const hover = page.locator('.monaco-hover').filter({ hasText: 'Record c-1001' });
  // The first hover can come before the extension has read the record; moving away and back asks again.
  for (let attempt = 0; attempt < 5 && !(await hover.isVisible()); attempt++) {
    await page.mouse.move(point.x, point.y - 200);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await hover.waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
  await hover.waitFor({ timeout: 10_000 });
  const text = await hover.innerText();
  assert.match(text, /customer-profile — feature group of account 111111111111/);
  assert.match(text, /Record c-1001 \(read as analytics\)/);
  assert.match(text, /age\s+34/);
  assert.match(text, /segment\s+loyal/);
  assert.match(text, /Open in Record Inspector/);
  // The hover fades in: let its animation finish so the screenshot shows it as the user does.
  await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.monaco-hover')).every((h) => getComputedStyle(h).opacity === '1'));
  await screenshot('lookup-hover');

  // "Look Up Record…" from the palette with the cursor on that line: pick the id written there,
  // and the values open in a peek under the reference.
  await page.keyboard.press('Escape');
  await page.mouse.click(point.x, point.y);
  await runCommand(page, 'Feature Store: Look Up Record…');
  await pickQuickItem(page, 'c-1001');
  const peek = page.locator('.peekview-widget').filter({ hasText: '"segment": "loyal"' });
  await peek.waitFor({ timeout: 30_000 });
  // Monaco renders spaces as no-break spaces.
  const peekText = (await peek.innerText()).replace(/\u00a0/g, ' ');
  assert.match(peekText, /customer-profile · record "c-1001"/);
  assert.match(peekText, /read as analytics \(owner\)/);
  await screenshot('lookup-peek');

  // The hover's link opens the record inspector with that record already read.
  await page.keyboard.press('Escape');
  await page.locator('.peekview-widget').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  const again = await wordPoint(page, 'FeatureGroupName=FEATURE_GROUP, RecordIdentifierValueAsString="c-1001"', 'FEATURE_GROUP');
  assert.ok(again, 'the get_record line is still on screen');
  const link = page.locator('.monaco-hover:visible a:visible', { hasText: 'Open in Record Inspector' }).first();
  for (let attempt = 0; attempt < 5 && !(await link.isVisible()); attempt++) {
    await page.mouse.move(again.x, again.y - 200);
    await page.mouse.move(again.x, again.y, { steps: 3 });
    await link.waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
  await link.click();
  const frame = await inspectorFrame(page);
  await frame.locator('#record-table tbody tr[data-feature="segment"] td.value', { hasText: 'loyal' }).waitFor({ timeout: 30_000 });
  assert.equal(await frame.locator('#record-id').inputValue(), 'c-1001');
  await screenshot('lookup-opens-inspector');
});
