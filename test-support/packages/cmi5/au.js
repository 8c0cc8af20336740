// A tiny self-authored cmi5 AU for Beklijf's tests: it fetches its credentials once, reads
// LMS.LaunchData, sends initialized, and on Finish completed, passed (or failed) and terminated.
(function () {
  "use strict";
  var query = new URLSearchParams(location.search);
  var endpoint = query.get("endpoint");
  var actor = JSON.parse(query.get("actor") || "null");
  var registration = query.get("registration");
  var activityId = query.get("activityId");
  var state = document.getElementById("state");
  var finish = document.getElementById("finish");
  var auth = null;
  var launchData = null;

  function lrs(method, resource, body) {
    return fetch(endpoint + resource, {
      method: method,
      headers: {
        Authorization: auth,
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      if (!response.ok) throw new Error("LRS answered " + response.status);
      return response.status === 204 ? null : response.json();
    });
  }

  function send(verb, extra) {
    var context = JSON.parse(JSON.stringify(launchData.contextTemplate));
    context.registration = registration;
    context.contextActivities = context.contextActivities || {};
    context.contextActivities.category = [
      { objectType: "Activity", id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" },
    ];
    var statement = {
      actor: actor,
      verb: { id: "http://adlnet.gov/expapi/verbs/" + verb, display: { "en-US": verb } },
      object: { objectType: "Activity", id: activityId },
      context: context,
      timestamp: new Date().toISOString(),
    };
    if (extra) statement.result = extra;
    return lrs("POST", "statements", statement);
  }

  function start() {
    return fetch(query.get("fetch"), { method: "POST" })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (!answer["auth-token"]) throw new Error(answer["error-text"] || "no token");
        auth = answer["auth-token"];
        var stateQuery = new URLSearchParams({
          stateId: "LMS.LaunchData",
          activityId: activityId,
          agent: JSON.stringify(actor),
          registration: registration,
        });
        return lrs("GET", "activities/state?" + stateQuery.toString());
      })
      .then(function (data) {
        launchData = data;
        return send("initialized");
      })
      .then(function () {
        state.textContent = "Ready (" + launchData.launchMode + ").";
        finish.disabled = false;
      });
  }

  finish.addEventListener("click", function () {
    var chosen = document.querySelector("input[name=answer]:checked");
    var right = Boolean(chosen && chosen.value === "listen");
    var scaled = right ? 1 : 0;
    finish.disabled = true;
    send("completed", { completion: true, duration: "PT30S" })
      .then(function () {
        return send(right ? "passed" : "failed", {
          success: right,
          score: { scaled: scaled },
          duration: "PT30S",
        });
      })
      .then(function () {
        return send("terminated", { duration: "PT31S" });
      })
      .then(function () {
        state.textContent = right ? "Finished: passed." : "Finished: not passed.";
      })
      .catch(function (error) {
        state.textContent = "Could not save: " + error.message;
      });
  });

  start().catch(function (error) {
    state.textContent = "Could not start: " + error.message;
  });
})();
