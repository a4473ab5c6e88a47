/** A wide table on a narrow screen scrolls inside its box, not the page; keyboard users can scroll it too. */
export const ScrollX = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="scroll-x" tabIndex={0} role="region" aria-label={label}>
    {children}
  </div>
);
