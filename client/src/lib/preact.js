// @ts-check
// The one door to Preact, its hooks and htm: every component imports from here (the import map points these at the server's own copies).
import { h, render } from 'preact'
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import htm from 'htm'

/** Tagged template for JSX-like markup without a build step. */
export const html = htm.bind(h)
export { h, render, useCallback, useEffect, useMemo, useRef, useState }
