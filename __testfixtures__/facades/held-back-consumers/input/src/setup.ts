// Loaded for its side effects: the path moves to the canonical module.
import './core/manager_alias';
