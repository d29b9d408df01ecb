#!/usr/bin/env node
/**
 * Renders icons/icon.svg to icons/icon-{16,32,48,128}.png with the system's Chromium (puppeteer-core).
 * The PNGs are committed; run this after editing the SVG: npm run icons
 */
import { readFileSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../tests/e2e/browsers.mjs';

const svg = readFileSync('icons/icon.svg', 'utf8');
const executablePath = findBrowser('chromium');
if (!executablePath) {
  console.error('render-icons: Chromium not found (install the chromium package or set CHROMIUM_PATH)');
  process.exit(1);
}
const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const size of [16, 32, 48, 128]) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(`icons/icon-${size}.png`, png);
    console.log(`icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
