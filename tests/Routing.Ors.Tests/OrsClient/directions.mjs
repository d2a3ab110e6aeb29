// openrouteservice-js's own directions example (its README, "Directions HGV example"), with the host pointed at this
// service and the wheelchair profile: the client is used exactly as an app would use it. Prints one JSON object:
// {"route": the client's answer, "error": the client's error for an unknown profile}.
import Openrouteservice from 'openrouteservice-js'

const host = process.argv[2] // e.g. http://127.0.0.1:5000/ors
const orsDirections = new Openrouteservice.Directions({ host })

const route = await orsDirections.calculate({
  coordinates: [[8.6934, 49.4094], [8.7101, 49.4122]],
  profile: 'wheelchair',
  restrictions: {
    surface_type: 'cobblestone:flattened',
    smoothness_type: 'good',
    maximum_sloped_kerb: 0.06,
    maximum_incline: 6
  },
  extra_info: ['waytype', 'steepness'],
  avoidables: ['steps'],
  language: 'de',
  format: 'json'
})

let error = null
try {
  await orsDirections.calculate({ coordinates: [[8.6934, 49.4094], [8.7101, 49.4122]], profile: 'driving-car', format: 'json' })
} catch (err) {
  error = { status: err.status, body: await err.response.json() }
}

console.log(JSON.stringify({ route, error }))
