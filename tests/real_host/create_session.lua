-- SPDX-License-Identifier: GPL-3.0-or-later
-- ardour7-lua script (headless, Dummy backend): a new 48 kHz session with one
-- stereo track "In" whose first processor is Partita, and a user preset of the
-- plugin's current state saved by Ardour itself (so that the preset file has
-- the format, name and location Ardour expects; the test then swaps the
-- Partita state inside it). Settings come from the environment:
--   RH_SESSION_DIR, RH_SESSION_NAME  where to create the session
--   RH_PLUGIN_TYPE                   VST3 or LV2
--   RH_PLUGIN_ID                     the plugin's name (VST3) or URI (LV2)
--   RH_PRESET                        the preset's label
--   RH_BUFFER_SIZE                   the Dummy backend's period (optional)
local dir = assert(os.getenv("RH_SESSION_DIR"))
local name = assert(os.getenv("RH_SESSION_NAME"))
local ptype = assert(os.getenv("RH_PLUGIN_TYPE"))
local pid = assert(os.getenv("RH_PLUGIN_ID"))
local preset = assert(os.getenv("RH_PRESET"))

local backend = AudioEngine:set_backend("None (Dummy)", "", "")
assert(backend, "no Dummy backend")
local period = tonumber(os.getenv("RH_BUFFER_SIZE") or "")
if period then backend:set_buffer_size(period) end

assert(create_session(dir, name, 48000), "cannot create the session")
Session:cfg():set_use_region_fades(false)

local tracks = Session:new_audio_track(2, 2, nil, 1, "In", ARDOUR.PresentationInfo.max_order,
                                       ARDOUR.TrackMode.Normal, true, false)
local track = tracks:front()
assert(track, "no track")

local plugin = ARDOUR.LuaAPI.new_plugin(Session, pid, ARDOUR.PluginType[ptype], "")
if plugin:isnil() then
    print("REALHOST-ERROR: Ardour has no " .. ptype .. " plugin '" .. pid .. "'")
    close_session()
    os.exit(3)
end
assert(track:add_processor_by_index(plugin, 0, nil, true) == 0, "cannot insert the plugin")
local insert = track:nth_plugin(0):to_insert()
print("REALHOST-PLUGIN: " .. insert:name() .. " type " .. ptype .. " latency " .. insert:signal_latency())
local record = insert:plugin(0):save_preset(preset)
if not record.valid then
    print("REALHOST-ERROR: Ardour could not save the preset '" .. preset .. "'")
    close_session()
    os.exit(3)
end
print("REALHOST-PRESET-URI: " .. record.uri)
Session:save_state("", false, false, false, false, false)
close_session()
