import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isOnline } from "./connection.ts";
import { forgetThisDevice } from "./offline-cache.ts";
import { useWaiting } from "./offline-sync.ts";
import { outbox } from "./device-outbox.ts";
import { sessionApi, useMe } from "./session.ts";

/**
 * Signing out sends what still waits on the device, then removes the person's data from it (the cached
 * screens and the outbox), so the next person on a shared phone sees nothing of theirs. Offline with
 * writes still waiting, it asks first: signing out then loses them.
 */
export function useSignOut(): () => void {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const personId = useMe().data?.person.id;
  const waiting = useWaiting(personId);
  const signOut = useMutation({
    mutationFn: async () => {
      if (personId) await outbox.send(personId);
      return sessionApi.signOut();
    },
    onSettled: async () => {
      await forgetThisDevice(client);
      await navigate("/sign-in");
    },
  });
  const count = waiting.answers + waiting.applications;
  return () => {
    if (count === 0 || isOnline() || window.confirm(t("ui.offline.signOutLoses", { count })))
      signOut.mutate();
  };
}
