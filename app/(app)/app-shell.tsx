"use client";

import { useMutation } from "@tanstack/react-query";
import { BarChart3, CircleUser, FileText, FlaskConical, LogOut, Phone, Users, UserRound } from "lucide-react";
import { IntentLink } from "@/app/_components/intent-link";
import { usePathname, useRouter } from "next/navigation";
import { BrandMark } from "@/app/_components/brand-mark";
import { LiveUpdates } from "@/app/_components/live-updates";
import { LogCallbackDialog } from "@/app/_components/log-callback-dialog";
import { VerifyEmailNotice } from "@/app/_components/verify-email-notice";
import { useTRPC } from "@/app/_trpc/client";
import type { Role } from "@/lib/vocabulary";

const NAV = [
  { href: "/today", label: "Today", icon: Phone },
  { href: "/prospects", label: "Prospects", icon: UserRound },
  { href: "/scripts", label: "Scripts", icon: FileText },
  { href: "/leaderboard", label: "Leaderboard", short: "Board", icon: BarChart3 },
  { href: "/team", label: "Team", icon: Users },
  { href: "/experiments", label: "Experiments", short: "Tests", icon: FlaskConical, managers: true },
] as const;

type Props = {
  user: { name: string; email: string; emailVerified: boolean };
  teams: { id: string; name: string; role: Role }[];
  current: { id: string; name: string; role: Role };
  children: React.ReactNode;
};

export function AppShell({ user, teams, current, children }: Props) {
  const pathname = usePathname();
  const router = useRouter();
  const trpc = useTRPC();
  const switchTeam = useMutation(
    trpc.teams.switch.mutationOptions({
      onSuccess: () => {
        router.replace("/today");
        router.refresh();
      },
    }),
  );

  async function signOut() {
    // better-auth's client is only needed here: fetched on use rather than with every page.
    const { authClient } = await import("@/app/_components/auth-client");
    await authClient.signOut();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <div className="min-h-dvh md:grid md:grid-cols-[220px_minmax(0,1fr)]">
      <aside className="border-b border-border bg-surface md:sticky md:top-0 md:h-dvh md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-2 px-4 py-3 md:block md:py-5">
          <IntentLink href="/today" className="flex items-center gap-2 font-semibold tracking-tight">
            <BrandMark />
          </IntentLink>
          <div className="md:mt-5">
            {teams.length > 1 ? (
              <label className="flex flex-col gap-1 text-xs text-faint">
                <span className="sr-only md:not-sr-only">Team</span>
                <select
                  aria-label="Active team"
                  className="h-8 rounded-md border border-border bg-surface px-2 text-sm text-text"
                  value={current.id}
                  onChange={(e) => switchTeam.mutate({ teamId: e.target.value })}
                >
                  {teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p className="text-sm font-medium" aria-label="Active team">
                {current.name}
              </p>
            )}
            <p className="mt-1 hidden text-xs text-faint md:block">
              Signed in as{" "}
              <IntentLink href="/profile" className="underline-offset-2 hover:text-text hover:underline" aria-current={pathname === "/profile" ? "page" : undefined}>
                <bdi>{user.name}</bdi>
              </IntentLink>{" "}
              · <span data-testid="role">{current.role}</span>
            </p>
          </div>
          <IntentLink
            href="/profile"
            aria-label="Your profile"
            aria-current={pathname === "/profile" ? "page" : undefined}
            className="grid size-10 shrink-0 place-items-center rounded-md text-muted hover:bg-surface-2 hover:text-text md:hidden"
          >
            <CircleUser aria-hidden className="size-5" />
          </IntentLink>
        </div>
        <div className="px-4 pb-2 md:px-3 md:pb-3">
          <LogCallbackDialog />
          <LiveUpdates />
        </div>
        {/* On a phone the sections sit in one bar at the bottom, all at once, in thumb reach; the two
            long names are shortened there so six fit 375 px (the link's name stays the full one). */}
        <nav
          aria-label="Main"
          className="fixed inset-x-0 bottom-0 z-30 grid auto-cols-fr grid-flow-col border-t border-border bg-surface pb-[env(safe-area-inset-bottom)] md:static md:flex md:flex-col md:gap-1 md:border-t-0 md:bg-transparent md:px-3 md:pb-0"
        >
          {NAV.filter((item) => !("managers" in item) || current.role !== "rep").map((item) => {
            const { href, label, icon: Icon } = item;
            const active = pathname === href || pathname.startsWith(`${href}/`);
            return (
              <IntentLink
                key={href}
                href={href}
                aria-current={active ? "page" : undefined}
                className={`flex min-w-0 flex-col items-center gap-0.5 px-0.5 py-2 text-[11px] whitespace-nowrap md:flex-row md:gap-2 md:rounded-md md:px-3 md:text-sm ${
                  active ? "bg-accent-soft font-medium text-accent" : "text-muted hover:bg-surface-2 hover:text-text"
                }`}
              >
                <Icon aria-hidden className="size-5 md:size-4" />
                {"short" in item ? (
                  <>
                    <span aria-hidden className="md:hidden">
                      {item.short}
                    </span>
                    <span className="sr-only md:not-sr-only">{label}</span>
                  </>
                ) : (
                  label
                )}
              </IntentLink>
            );
          })}
        </nav>
        <div className="hidden px-3 md:absolute md:bottom-4 md:block md:w-[220px]">
          <button onClick={signOut} className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-sm text-muted hover:bg-surface-2 hover:text-text">
            <LogOut aria-hidden className="size-4" />
            Sign out
          </button>
        </div>
      </aside>
      <main className="mx-auto w-full min-w-0 max-w-6xl px-4 pt-6 pb-24 md:px-8 md:py-8">
        {!user.emailVerified && (
          <div className="mb-6">
            <VerifyEmailNotice email={user.email} callbackURL={pathname} />
          </div>
        )}
        {children}
        <button onClick={signOut} className="mt-10 flex items-center gap-2 text-sm text-muted hover:text-text md:hidden">
          <LogOut aria-hidden className="size-4" />
          Sign out
        </button>
      </main>
    </div>
  );
}
