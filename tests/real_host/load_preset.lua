-- SPDX-License-Identifier: GPL-3.0-or-later
-- ardour7-lua script: opens the session (which restores the plugin's state
-- from the session), loads the user preset RH_PRESET into the first plugin of
-- track "In" unless RH_PRESET is empty (Ardour's own preset path: LV2
-- state:restore), prints the latency and parameters Ardour now sees, and saves
-- (Ardour writes the plugin's state and parameters anew). Same environment as
-- create_session.lua.
--
-- VST3 presets are not loaded this way: Ardour 7.3's VST3Plugin::load_preset
-- holds the plugin's process lock while JUCE's setComponentState calls
-- restartComponent, which takes the same lock: a deadlock. The test puts the
-- VST3 state into the session file instead, and this script saves it anew.
local dir = assert(os.getenv("RH_SESSION_DIR"))
local name = assert(os.getenv("RH_SESSION_NAME"))
local preset = os.getenv("RH_PRESET") or ""

local backend = AudioEngine:set_backend("None (Dummy)", "", "")
local period = tonumber(os.getenv("RH_BUFFER_SIZE") or "")
if period then backend:set_buffer_size(period) end
assert(load_session(dir, name), "cannot load the session")

local track = Session:route_by_name("In")
assert(not track:isnil(), "no track In")
local insert = track:nth_plugin(0):to_insert()
local plugin = insert:plugin(0)
if preset ~= "" then
    local record = plugin:preset_by_label(preset)
    if not record then
        print("REALHOST-ERROR: no preset '" .. preset .. "'")
        close_session()
        os.exit(3)
    end
    if not plugin:load_preset(record) then
        print("REALHOST-ERROR: the preset '" .. preset .. "' did not load")
        close_session()
        os.exit(3)
    end
end
-- Let the engine run a few cycles so that a latency change is picked up.
for _ = 1, 8 do ARDOUR.LuaAPI.wait_for_process_callback(1, 1000) end
print("REALHOST-LATENCY: plugin " .. insert:signal_latency() .. " route " .. track:signal_latency())
for i = 0, plugin:parameter_count() - 1 do
    if plugin:parameter_is_input(i) and plugin:parameter_is_control(i) then
        local value, _ = ARDOUR.LuaAPI.get_plugin_insert_param(insert, i, false)
        print("REALHOST-PARAM: " .. plugin:parameter_label(i) .. " = " .. tostring(value))
    end
end
Session:save_state("", false, false, false, false, false)
close_session()
