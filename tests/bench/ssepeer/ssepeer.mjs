// The peer of bench_sse: the same SSE stream, read in the same 16 KB pieces, parsed by eventsource-parser
// and each event's data by JSON.parse, the model's text parts counted (what our decoder is timed doing).
// Usage: node ssepeer.mjs STREAM_FILE [ROUNDS]  →  prints "peer_mb_per_s=<median>" and the counts.
import {readFileSync} from 'node:fs'
import {createParser} from 'eventsource-parser'

const bytes = readFileSync(process.argv[2])
const rounds = Number(process.argv[3] ?? 5)
const piece = 16 * 1024
const rates = []
let events = 0
let texts = 0
for (let round = 0; round < rounds; ++round) {
  events = 0
  texts = 0
  const started = process.hrtime.bigint()
  const decoder = new TextDecoder()
  const parser = createParser({
    onEvent(event) {
      ++events
      if (!event.data) return
      const object = JSON.parse(event.data)
      for (const part of object?.content?.parts ?? []) {
        if (typeof part.text === 'string') ++texts
      }
    },
  })
  for (let offset = 0; offset < bytes.length; offset += piece)
    parser.feed(decoder.decode(bytes.subarray(offset, offset + piece), {stream: true}))
  parser.feed(decoder.decode())
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  rates.push(bytes.length / (1024 * 1024) / seconds)
}
rates.sort((a, b) => a - b)
console.log(`peer_events=${events} peer_texts=${texts}`)
console.log(`peer_mb_per_s=${rates[Math.floor(rates.length / 2)].toFixed(1)}`)
