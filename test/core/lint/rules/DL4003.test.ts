import rule from '../../../../src/core/lint/rules/DL4003';
import { overriddenTable } from './overridden-cases';

overriddenTable(rule, 'CMD');
