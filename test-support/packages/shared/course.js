// A tiny self-authored SCO for Beklijf's tests: one question, a score, leave halfway (location and
// suspend data), resume, finish. It speaks SCORM 1.2 or 2004, whichever API its ancestors offer.
(function () {
  "use strict";
  function findApi(win) {
    for (var hops = 0; win && hops < 10; hops++) {
      try {
        if (win.API_1484_11) return { api: win.API_1484_11, v2004: true };
        if (win.API) return { api: win.API, v2004: false };
      } catch {
        return null;
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var found = findApi(window) || (window.opener && findApi(window.opener));
  var state = document.getElementById("state");
  if (!found) {
    state.textContent = "No learning platform found.";
    return;
  }
  var api = found.api;
  var v = found.v2004;
  var K = v
    ? { location: "cmi.location", suspend: "cmi.suspend_data", exit: "cmi.exit", entry: "cmi.entry" }
    : {
        location: "cmi.core.lesson_location",
        suspend: "cmi.suspend_data",
        exit: "cmi.core.exit",
        entry: "cmi.core.entry",
      };
  function get(key) {
    return v ? api.GetValue(key) : api.LMSGetValue(key);
  }
  function set(key, value) {
    return v ? api.SetValue(key, value) : api.LMSSetValue(key, value);
  }
  function commit() {
    return v ? api.Commit("") : api.LMSCommit("");
  }
  function finish() {
    return v ? api.Terminate("") : api.LMSFinish("");
  }
  if (v) api.Initialize("");
  else api.LMSInitialize("");

  var form = document.getElementById("question");
  var step2 = document.getElementById("step-2");
  var feedback = document.getElementById("feedback");
  var answer = null;

  function showStep2() {
    form.hidden = true;
    step2.hidden = false;
    feedback.textContent =
      answer === "listen"
        ? "Right: people calm down once they feel heard. Your score: 100%."
        : "Not quite: first let them finish and say back what you heard. Your score: 0%.";
  }

  var saved = get(K.suspend);
  if (get(K.location) === "2" && saved) {
    try {
      answer = JSON.parse(saved).answer;
    } catch {
      answer = null;
    }
    document.getElementById("welcome").textContent = "Welcome back: you were at step 2.";
    showStep2();
  }
  set(K.exit, "suspend");

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var chosen = form.querySelector("input[name=answer]:checked");
    if (!chosen) {
      state.textContent = "Choose an answer first.";
      return;
    }
    answer = chosen.value;
    var right = answer === "listen";
    var prefix = "cmi.interactions.0.";
    set(prefix + "id", "first-minute");
    set(prefix + "type", "choice");
    set(prefix + (v ? "learner_response" : "student_response"), answer);
    set(prefix + "result", right ? "correct" : v ? "incorrect" : "wrong");
    if (v) {
      set("cmi.score.scaled", right ? "1" : "0");
      set("cmi.score.raw", right ? "100" : "0");
      set("cmi.score.min", "0");
      set("cmi.score.max", "100");
      set("cmi.completion_status", "incomplete");
    } else {
      set("cmi.core.score.raw", right ? "100" : "0");
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.lesson_status", "incomplete");
    }
    set(K.location, "2");
    set(K.suspend, JSON.stringify({ answer: answer }));
    commit();
    showStep2();
  });

  document.getElementById("leave").addEventListener("click", function () {
    set(K.exit, "suspend");
    commit();
    finish();
    state.textContent = "Saved. You can come back later and continue at step 2.";
  });

  document.getElementById("finish").addEventListener("click", function () {
    var right = answer === "listen";
    if (v) {
      set("cmi.completion_status", "completed");
      set("cmi.success_status", right ? "passed" : "failed");
      set(K.exit, "normal");
    } else {
      set("cmi.core.lesson_status", right ? "passed" : "failed");
      set(K.exit, "");
    }
    commit();
    finish();
    state.textContent = "Finished. You can close this module.";
  });
})();
