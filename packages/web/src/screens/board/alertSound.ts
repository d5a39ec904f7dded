/**
 * The optional tone for a new alert: made with the Web Audio API (no audio files to ship or load),
 * off unless the supervisor turns it on, and remembered in this browser. A critical alert sounds
 * twice and louder, so it can be told apart without looking.
 */
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'calmline.alertSound';
let audio: AudioContext | null = null;

function context(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  audio ??= new AudioContext();
  // Browsers start a context suspended until a user gesture; resuming is harmless otherwise.
  void audio.resume().catch(() => undefined);
  return audio;
}

function tone(ctx: AudioContext, at: number, frequency: number, volume: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.value = frequency;
  // A soft attack and decay: a click-free chime rather than a beep.
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(volume, at + 0.03);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + 0.32);
}

/** Plays the new-alert tone (about 0.3 s; twice and louder when critical). */
export function playAlertTone(critical: boolean): void {
  const ctx = context();
  if (!ctx) return;
  const now = ctx.currentTime;
  if (critical) {
    tone(ctx, now, 880, 0.35);
    tone(ctx, now + 0.4, 880, 0.35);
  } else tone(ctx, now, 660, 0.12);
}

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Whether the tone is on, and a setter that remembers the choice. */
export function useAlertSound(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(stored);
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off');
    } catch {
      // Not remembered, but on for this visit.
    }
    // Turning it on is a user gesture: the moment the browser lets the context start, and a
    // preview tells the supervisor what to listen for.
    if (next) playAlertTone(false);
  }, []);
  return [on, set];
}
