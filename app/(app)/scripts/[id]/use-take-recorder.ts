"use client";

import { useEffect, useRef, useState } from "react";
import { TAKE_BITS_PER_SECOND, TAKE_LIMITS, TAKE_MIME_TYPE } from "@/lib/inputs/takes";
import { mixDown, spokenLength } from "@/lib/spoken-length";

export type SavedTake = { id: number; spokenMs: number; recordedMs: number; bytes: number };
export type RecorderState = { phase: "idle" | "asking" | "recording" | "saving"; elapsedMs: number; level: number; error: string | null };

type Live = { stream: MediaStream; context: AudioContext; recorder: MediaRecorder; chunks: Blob[]; startedAt: number; frame: number; limit: number };

/** A level meter's 0..1 from an RMS: -60 dBFS is empty, 0 dBFS full, as a voice is heard. */
const meterLevel = (rms: number) => Math.max(0, Math.min(1, (20 * Math.log10(Math.max(rms, 1e-6)) + 60) / 60));

/**
 * Records a take with MediaRecorder (the microphone is asked for only when recording starts),
 * shows a live level and timer, stops itself at the limit, measures the spoken length on the
 * decoded audio and uploads it. The microphone is released after every take.
 */
export function useTakeRecorder(versionId: number, onSaved: (take: SavedTake) => void) {
  const [state, setState] = useState<RecorderState>({ phase: "idle", elapsedMs: 0, level: 0, error: null });
  const live = useRef<Live | null>(null);

  const release = () => {
    const current = live.current;
    if (!current) return;
    cancelAnimationFrame(current.frame);
    window.clearTimeout(current.limit);
    current.stream.getTracks().forEach((t) => t.stop());
    void current.context.close();
    live.current = null;
  };
  useEffect(() => release, []);

  async function save(blob: Blob) {
    try {
      const bytes = await blob.arrayBuffer();
      // decodeAudioData detaches the buffer it is given: decode a copy, upload the original. An
      // offline context decodes without opening an audio output.
      const decoded = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(bytes.slice(0));
      const channels = Array.from({ length: decoded.numberOfChannels }, (_, i) => decoded.getChannelData(i));
      const measured = spokenLength(mixDown(channels), decoded.sampleRate);
      const query = new URLSearchParams({
        versionId: String(versionId),
        spokenMs: String(Math.round(measured.spokenSeconds * 1000)),
        recordedMs: String(Math.round(measured.recordedSeconds * 1000)),
      });
      const response = await fetch(`/api/takes?${query}`, { method: "POST", headers: { "content-type": "audio/webm" }, body: bytes });
      if (!response.ok) throw new Error((await response.text()).trim() || "The take could not be saved.");
      onSaved((await response.json()) as SavedTake);
      setState({ phase: "idle", elapsedMs: 0, level: 0, error: null });
    } catch (error) {
      setState({ phase: "idle", elapsedMs: 0, level: 0, error: error instanceof Error ? error.message : "The take could not be saved." });
    }
  }

  function stop() {
    const current = live.current;
    if (!current || current.recorder.state === "inactive") return;
    setState((s) => ({ ...s, phase: "saving", level: 0 }));
    current.recorder.addEventListener(
      "stop",
      () => {
        const blob = new Blob(current.chunks, { type: "audio/webm" });
        release();
        void save(blob);
      },
      { once: true },
    );
    current.recorder.stop();
  }

  async function start() {
    if (live.current) return;
    setState({ phase: "asking", elapsedMs: 0, level: 0, error: null });
    let stream: MediaStream;
    try {
      // Raw input: echo cancelling, noise suppression and gain control reshape the silences the length is measured on.
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    } catch {
      setState({ phase: "idle", elapsedMs: 0, level: 0, error: "The microphone is not available: allow it for this site in your browser to record." });
      return;
    }
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const mimeType = MediaRecorder.isTypeSupported(TAKE_MIME_TYPE) ? TAKE_MIME_TYPE : "audio/webm";
    const recorder = new MediaRecorder(stream, { mimeType, audioBitsPerSecond: TAKE_BITS_PER_SECOND });
    const current: Live = { stream, context, recorder, chunks: [], startedAt: performance.now(), frame: 0, limit: 0 };
    live.current = current;
    recorder.ondataavailable = (event) => event.data.size && current.chunks.push(event.data);
    const samples = new Float32Array(analyser.fftSize);
    const tick = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      setState((state) => ({ ...state, elapsedMs: performance.now() - current.startedAt, level: meterLevel(Math.sqrt(sum / samples.length)) }));
      current.frame = requestAnimationFrame(tick);
    };
    recorder.start(1000);
    current.startedAt = performance.now();
    current.limit = window.setTimeout(stop, TAKE_LIMITS.maxSeconds * 1000);
    setState({ phase: "recording", elapsedMs: 0, level: 0, error: null });
    current.frame = requestAnimationFrame(tick);
  }

  return { state, start, stop };
}
