import { createDictionary } from '../../i18n/index.js';
import { channelsEn } from './i18n.en.js';
import { channelsZhCN, type ChannelsKey } from './i18n.zh-CN.js';

export type { ChannelsKey };

/** The channel screens' dictionary, in the language the user chose. */
export const { useText: useChannelText } = createDictionary(channelsZhCN, channelsEn);
