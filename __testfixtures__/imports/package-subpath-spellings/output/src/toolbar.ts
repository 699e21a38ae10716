import { renderButton } from '@acme/kit/button.mjs';
import { Chart } from 'chart.js/dist/chart';

export const toolbar = [renderButton('Save'), new Chart()];
