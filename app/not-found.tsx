import { BrandMark } from "@/app/_components/brand-mark";
import { IntentLink } from "@/app/_components/intent-link";

export const metadata = { title: "Page not found" };

/** Every unknown address, and every record another team owns, ends here in the product's look. */
export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12 text-center">
      <IntentLink href="/today" className="mb-8 flex items-center gap-2 text-lg font-semibold tracking-tight">
        <BrandMark size="lg" />
      </IntentLink>
      <p className="tabular text-sm font-medium text-accent">404</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight">This page didn’t call back</h1>
      <p className="mt-2 max-w-sm text-sm text-muted">The address may be mistyped, or what it pointed to was deleted or belongs to another team.</p>
      <IntentLink href="/today" className="mt-6 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-fg hover:opacity-90">
        Back to Today
      </IntentLink>
    </main>
  );
}
