import { renderButton } from '@acme/kit/legacy/button.js';
import { Chart } from 'chart.js/auto';

export const toolbar = [renderButton('Save'), new Chart()];
