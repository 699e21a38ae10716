// Loaded for its side effects: the path moves to the canonical module.
import './core/unified_manager';
