-- SPDX-License-Identifier: GPL-3.0-or-later
-- ardour7-lua script: opens the session and automates the Mix parameter of the
-- first plugin of track "In" (found by its label among the plugin's control
-- inputs: for the LV2, one of the control ports Partita adds in front of
-- JUCE's wrapper) from 0 % at the session start to 100 % at RH_RAMP_FRAMES,
-- in Play mode, then saves. Same environment as create_session.lua.
local dir = assert(os.getenv("RH_SESSION_DIR"))
local name = assert(os.getenv("RH_SESSION_NAME"))
local rampFrames = assert(tonumber(os.getenv("RH_RAMP_FRAMES")))

AudioEngine:set_backend("None (Dummy)", "", "")
assert(load_session(dir, name), "cannot load the session")
local insert = Session:route_by_name("In"):nth_plugin(0):to_insert()
local plugin = insert:plugin(0)
local index = nil
for i = 0, plugin:parameter_count() - 1 do
    if plugin:parameter_is_input(i) and plugin:parameter_is_control(i) and plugin:parameter_label(i) == "Mix" then
        index = i
    end
end
if index == nil then
    print("REALHOST-ERROR: no automatable Mix parameter")
    close_session()
    os.exit(3)
end
local control = insert:to_automatable():automation_control(
    Evoral.Parameter(ARDOUR.AutomationType.PluginAutomation, 0, index), false)
local list = control:alist()
list:add(Temporal.timepos_t(0), 0, false, false)
list:add(Temporal.timepos_t(rampFrames), 100, false, false)
control:set_automation_state(ARDOUR.AutoState.Play)
print("REALHOST-AUTOMATION: parameter " .. index .. ", " .. list:size() .. " points")
Session:save_state("", false, false, false, false, false)
close_session()
