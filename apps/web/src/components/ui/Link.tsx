import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without viewport prefetching: a page full of links (lessons, exercises, pager) would
 * otherwise fetch and process a payload per link while the page is still becoming interactive,
 * the main-thread time a phone can least spare. Pages render on demand in tens of milliseconds,
 * so a click still navigates client-side without a visible wait.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink {...props} prefetch={props.prefetch ?? false} />;
}
