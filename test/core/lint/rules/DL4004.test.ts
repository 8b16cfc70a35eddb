import rule from '../../../../src/core/lint/rules/DL4004';
import { overriddenTable } from './overridden-cases';

overriddenTable(rule, 'ENTRYPOINT');
