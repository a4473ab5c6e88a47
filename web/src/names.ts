/** A person as the console names them: "name (title)" for a leader with a title, else the name. */
export const nameWithTitle = (p: { name: string; title?: string | null }) => (p.title ? `${p.name} (${p.title})` : p.name);
