// Bluesky's reference implementation for Earshot's interop tests: @atproto/dev-env (the PLC
// directory, a PDS and the AppView, the code Bluesky runs) on 127.0.0.1, and a bridge that turns
// the PDS firehose (com.atproto.sync.subscribeRepos) into Jetstream's JSON, since Jetstream
// itself has no npm package. Needs DB_POSTGRES_URL (a database it may fill) and Node 22.
//
// Prints one JSON line once everything is up: the services' addresses and the test accounts
// (the business, with an app password, and two customers). Runs until its stdin closes.
import net from 'node:net'

// The services listen with no host, i.e. on every interface: tests here use loopback only.
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if (args.length === 0 || typeof args[0] === 'function') {
    args.unshift(0, '127.0.0.1')
  } else if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    if (args.length === 1 || typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1')
  } else if (args[0] && typeof args[0] === 'object' && args[0].path === undefined && !args[0].host) {
    args[0] = { ...args[0], host: '127.0.0.1' }
  }
  return listen.apply(this, args)
}

process.env.REDIS_HOST ??= 'unused' // asserted by dev-env, never connected to
const { TestNetwork } = await import('@atproto/dev-env')
const { Firehose } = await import('@atproto/sync')
const { IdResolver } = await import('@atproto/identity')
const { WebSocketServer } = await import('ws')

const network = await TestNetwork.create({ dbPostgresSchema: "earshot" })

// --- accounts -------------------------------------------------------------------------------
const agentFor = () => network.pds.getAgent()
async function account(handle) {
  const agent = agentFor()
  const password = `pw-${handle}-${process.pid}`
  const res = await agent.createAccount({ email: `${handle.split('.')[0]}@example.test`, handle, password })
  return { handle, did: res.data.did, password, agent }
}
const business = await account('brightside.test')
const customers = [await account('angry.test'), await account('regular.test')]
const appPassword = (await business.agent.com.atproto.server.createAppPassword({ name: 'earshot' })).data.password
// The business's own post, for replies to and quotes of it.
const ownPost = await business.agent.post({ text: 'Our new winter blend is in! ☕', createdAt: new Date().toISOString() })
// The AppView learns accounts and posts from the firehose: let it catch up before anyone asks.
await network.processAll()

// --- a Jetstream-shaped stream from the firehose ---------------------------------------------
const events = [] // every post event, for cursor replay
let lastUs = 0
const clients = new Set()
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/subscribe' })
await new Promise((r) => wss.once('listening', r))
wss.on('connection', (ws, req) => {
  const url = new URL(req.url, 'http://x')
  const cursor = Number(url.searchParams.get('cursor') ?? 0)
  const wanted = url.searchParams.getAll('wantedCollections')
  const want = (e) => wanted.length === 0 || wanted.includes(e.commit?.collection)
  const client = { ws, want }
  for (const e of events) if (e.time_us >= cursor && want(e)) ws.send(JSON.stringify(e))
  clients.add(client)
  ws.on('close', () => clients.delete(client))
})
const toJson = (v) =>
  JSON.parse(JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && x.asCID === x ? x.toString() : x)))
const firehose = new Firehose({
  idResolver: new IdResolver({ plcUrl: network.plc.url }),
  service: network.pds.url.replace(/^http/, 'ws'),
  unauthenticatedCommits: true,
  unauthenticatedHandles: true,
  excludeIdentity: true,
  excludeAccount: true,
  excludeSync: true,
  handleEvent: (evt) => {
    if (evt.event !== 'create' && evt.event !== 'update' && evt.event !== 'delete') return
    lastUs = Math.max(lastUs + 1, Date.now() * 1000)
    const e = {
      did: evt.did,
      time_us: lastUs,
      kind: 'commit',
      commit: {
        rev: evt.rev,
        operation: evt.event,
        collection: evt.collection,
        rkey: evt.rkey,
        ...(evt.event === 'delete' ? {} : { record: toJson(evt.record), cid: evt.cid.toString() }),
      },
    }
    events.push(e)
    for (const c of clients) if (c.want(e)) c.ws.send(JSON.stringify(e))
  },
  onError: (err) => console.error('firehose:', err.message),
})
firehose.start()

console.log(JSON.stringify({
  pds: network.pds.url,
  appview: network.bsky.url,
  plc: network.plc.url,
  jetstream: `ws://127.0.0.1:${wss.address().port}/subscribe`,
  business: { handle: business.handle, did: business.did, app_password: appPassword, post: ownPost },
  customers: customers.map(({ handle, did, password }) => ({ handle, did, password })),
}))

process.stdin.resume()
process.stdin.on('end', async () => {
  await firehose.destroy()
  wss.close()
  await network.close()
  process.exit(0)
})
