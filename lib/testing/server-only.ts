// Stands in for "server-only" when tests import server modules.
export {};
