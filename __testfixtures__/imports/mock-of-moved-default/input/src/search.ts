// The code the test loads imports the path the mock replaces.
import debounce from 'lodash/debounce';

export const onSearch = debounce((query: string) => query, 300);
